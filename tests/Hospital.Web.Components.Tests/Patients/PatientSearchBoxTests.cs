using Hospital.Web.Components.Patients;
using Hospital.Web.Components.Tests.Infrastructure;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Radzen;

namespace Hospital.Web.Components.Tests.Patients;

/// <summary>The app bar's search: one clear hit opens the chart, anything else the filtered list.</summary>
public sealed class PatientSearchBoxTests : ComponentTestContext
{
    private string Location => Services.GetRequiredService<NavigationManager>().Uri;

    [Fact]
    public async Task AnExactMrn_OpensThatChart_AndAsksForTheMrnInCapitals()
    {
        Server.Answer("FindPatient", """{"byMrn":{"id":"UGF0aWVudDo3","mrn":"MRN-0000007","fullName":"Ada Lovelace"},"matches":{"totalCount":1,"nodes":[{"id":"UGF0aWVudDo3","mrn":"MRN-0000007","fullName":"Ada Lovelace","dateOfBirth":"1990-12-10"}]}}""");

        var search = await SearchAsync(" mrn-0000007 ");

        var request = Assert.Single(Server.Sent);
        Assert.Equal("MRN-0000007", request.Variable("mrn"));
        Assert.Equal("mrn-0000007", request.Variable("text"));
        Assert.EndsWith("/patients/UGF0aWVudDo3", Location, StringComparison.Ordinal);
        Assert.Equal("", search.Find("input").GetAttribute("value") ?? "");
    }

    [Fact]
    public async Task OneNameMatch_OpensThatChart()
    {
        Server.Answer("FindPatient", """{"byMrn":null,"matches":{"totalCount":1,"nodes":[{"id":"UGF0aWVudDo5","mrn":"MRN-0000009","fullName":"Alan Turing","dateOfBirth":"1954-06-07"}]}}""");

        await SearchAsync("turing");

        Assert.EndsWith("/patients/UGF0aWVudDo5", Location, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SeveralMatches_OpenTheListFilteredByTheText()
    {
        Server.Answer("FindPatient", """{"byMrn":null,"matches":{"totalCount":12,"nodes":[]}}""");

        await SearchAsync("son");

        Assert.Equal(PatientLinks.List("son"), new Uri(Location).PathAndQuery.TrimStart('/'));
    }

    [Fact]
    public async Task AnEmptySearch_AsksNothing()
    {
        await SearchAsync("   ");

        Assert.Empty(Server.Sent);
        Assert.Equal("http://localhost/", Location);
    }

    [Fact]
    public async Task AFailedSearch_StaysPut_AndNotifies()
    {
        Server.Unreachable("FindPatient");

        await SearchAsync("son");

        Assert.Equal("http://localhost/", Location);
        var notice = Assert.Single(Notifications.Messages);
        Assert.Equal(NotificationSeverity.Error, notice.Severity);
        Assert.Equal("The hospital server could not be reached. Check the connection and try again.", notice.Detail);
    }

    private async Task<IRenderedComponent<PatientSearchBox>> SearchAsync(string text)
    {
        var search = Render<PatientSearchBox>();
        await search.Find("input").InputAsync(new ChangeEventArgs { Value = text });
        await search.Find("form").SubmitAsync();
        return search;
    }
}
