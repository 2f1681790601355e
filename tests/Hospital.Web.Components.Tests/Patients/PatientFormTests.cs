using Hospital.Web.Components.Patients;
using Hospital.Web.Components.Tests.Infrastructure;
using Hospital.Web.GraphQL;

namespace Hospital.Web.Components.Tests.Patients;

/// <summary>The patient form's own rules, what it sends, and its messages beside the fields (no browser).</summary>
public sealed class PatientFormTests : ComponentTestContext
{
    private static readonly DateOnly Today = new(2026, 11, 18);

    [Fact]
    public void Validate_EmptyForm_NamesTheFourRequiredFields()
    {
        var errors = new PatientFormModel().Validate(Today);

        Assert.Equal(["dateOfBirth", "firstName", "lastName", "sex"], errors.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Validate_APartOfASection_AsksForTheRestOfIt_AndChecksPhoneEmailAndDates()
    {
        var model = Valid();
        model.City = "Leeds";
        model.ContactName = "Kim";
        model.Email = "kim@";
        model.Phone = "call me";
        model.DateOfBirth = Today.AddDays(1);

        var errors = model.Validate(Today);

        Assert.Equal(
            ["address.country", "address.line1", "address.postalCode", "dateOfBirth", "email", "emergencyContact.phone", "emergencyContact.relationship", "phone"],
            errors.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void ToRegisterInput_TrimsAndLeavesEmptySectionsOut()
    {
        var model = Valid();
        model.FirstName = "  Ada ";
        model.Phone = " ";
        model.InsurancePayer = "NHS";
        model.PolicyNumber = "123";

        var input = model.ToRegisterInput();

        Assert.Equal("Ada", input.FirstName);
        Assert.Null(input.Phone.Value);
        Assert.Null(input.Address.Value);
        Assert.Null(input.EmergencyContact.Value);
        Assert.Equal("NHS", input.Insurance.Value!.Payer);
        Assert.Empty(model.Validate(Today));
    }

    [Fact]
    public void ToUpdateInput_SendsTheLoadedVersion_AndNoDateOfDeathForTheLiving()
    {
        var model = Valid();
        model.DateOfDeath = new DateOnly(2026, 1, 1);

        var input = model.ToUpdateInput("UGF0aWVudDox", 3);

        Assert.Equal(3, input.Version);
        Assert.False(input.IsDeceased.Value);
        Assert.Null(input.DateOfDeath.Value);
    }

    [Fact]
    public void FromApi_PutsEachMessageUnderItsField_AndTheRestUnderNone()
    {
        var errors = PatientFormModel.FromApi([("email", "is not an email address"), (null, "Validation failed")]);

        Assert.Equal("Is not an email address.", errors["email"]);
        Assert.Equal("Validation failed.", errors[""]);
    }

    [Fact]
    public void Render_WithErrors_ShowsEachMessageBesideItsField_AndMarksTheFieldInvalid()
    {
        var form = Render<PatientForm>(p => p
            .Add(c => c.Model, new PatientFormModel())
            .Add(c => c.SubmitText, "Register patient")
            .Add(c => c.CancelHref, "patients")
            .Add(c => c.Today, Today)
            .Add(c => c.Errors, new Dictionary<string, string> { ["firstName"] = "Enter the first name.", ["address.city"] = "Enter the city." }));

        var firstName = form.Find("#pf-firstName");
        Assert.Equal("true", firstName.GetAttribute("aria-invalid"));
        Assert.Equal("pf-firstName-error", firstName.GetAttribute("aria-describedby"));
        Assert.Equal("Enter the first name.", form.Find("#pf-firstName-error").TextContent);
        Assert.Equal("Enter the city.", form.Find("#pf-address-city-error").TextContent);
        Assert.Null(form.Find("#pf-lastName").GetAttribute("aria-invalid"));
        Assert.Contains("2 fields need attention", form.Find("[data-testid=form-summary]").TextContent, StringComparison.Ordinal);
        Assert.Empty(form.FindAll("#pf-isDeceased"));
    }

    private static PatientFormModel Valid() => new()
    {
        FirstName = "Ada",
        LastName = "Lovelace",
        DateOfBirth = new DateOnly(1990, 12, 10),
        Sex = Sex.Female,
    };
}
