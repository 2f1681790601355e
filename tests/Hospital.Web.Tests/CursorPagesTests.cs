using Hospital.Web.Components.Patients;
using Hospital.Web.GraphQL;
using Radzen;

namespace Hospital.Web.Tests;

/// <summary>The grid's offset paging and sorting as GraphQL cursors and <c>order</c>, without a browser.</summary>
public sealed class CursorPagesTests
{
    [Fact]
    public void CursorPages_RemembersPageStarts_AndForgetsThemForANewFilter()
    {
        var pages = new CursorPages();
        pages.Reset("smith|");
        pages.Remember(20, "c20");
        pages.Remember(40, "c40");

        Assert.True(pages.TryGetAfter(0, out var first));
        Assert.Null(first);
        Assert.True(pages.TryGetAfter(40, out var third));
        Assert.Equal("c40", third);
        Assert.False(pages.TryGetAfter(60, out _));
        Assert.Equal((40, "c40"), pages.Nearest(100));

        pages.Reset("jones|");
        Assert.False(pages.TryGetAfter(20, out _));
        Assert.Equal((0, (string?)null), pages.Nearest(100));
    }

    [Fact]
    public void Order_GridSorts_MapToSortInputs_DefaultingToName()
    {
        var sorted = PatientQueryMapping.Order([new SortDescriptor { Property = "DateOfBirth", SortOrder = SortOrder.Descending }]);
        var fallback = PatientQueryMapping.Order(null);

        Assert.Equal(SortEnumType.Desc, Assert.Single(sorted).DateOfBirth.Value);
        Assert.Equal(2, fallback.Count);
        Assert.Equal(SortEnumType.Asc, fallback[0].LastName.Value);
    }

    [Fact]
    public void Search_SendsTheTrimmedText_OrNothing()
    {
        Assert.Null(PatientQueryMapping.Search("   "));
        Assert.Null(PatientQueryMapping.Search(null));
        Assert.Equal("smi jo", PatientQueryMapping.Search(" smi jo "));
        Assert.Null(PatientQueryMapping.Filter());
    }

    [Fact]
    public void Filter_CombinesSexAndAge_UnderAnd_LeavingUnsetFieldsOut()
    {
        var today = new DateOnly(2026, 11, 18);

        var filter = PatientQueryMapping.Filter(Sex.Female, AgeGroup.Adults, today)!;

        var and = filter.And.Value!;
        Assert.Equal(2, and.Count);
        Assert.Equal(Sex.Female, and[0].Sex.Value!.Eq.Value);
        Assert.Equal(new DateOnly(1961, 11, 18), and[1].DateOfBirth.Value!.Gt.Value);
        Assert.Equal(new DateOnly(2008, 11, 18), and[1].DateOfBirth.Value!.Lte.Value);
        Assert.False(and[1].DateOfBirth.Value!.Eq.HasValue);
        Assert.False(filter.Or.HasValue);
        Assert.Equal(Sex.Male, PatientQueryMapping.Filter(Sex.Male)!.Sex.Value!.Eq.Value);
    }

    [Theory]
    [InlineData(AgeGroup.Children, "2008-11-18", false)]
    [InlineData(AgeGroup.Children, "2008-11-19", true)]
    [InlineData(AgeGroup.Adults, "2008-11-18", true)]
    [InlineData(AgeGroup.Adults, "1961-11-18", false)]
    [InlineData(AgeGroup.Seniors, "1961-11-18", true)]
    [InlineData(AgeGroup.Seniors, "1961-11-19", false)]
    public void AgeGroups_CutOnBirthdays(AgeGroup age, string born, bool inGroup)
    {
        var today = new DateOnly(2026, 11, 18);
        var range = PatientQueryMapping.Born(age, today)!;
        var date = DateOnly.Parse(born, System.Globalization.CultureInfo.InvariantCulture);

        var matches = (!range.Gt.HasValue || date > range.Gt.Value) && (!range.Lte.HasValue || date <= range.Lte.Value);

        Assert.Equal(inGroup, matches);
    }
}
