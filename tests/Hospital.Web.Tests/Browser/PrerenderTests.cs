using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Hospital.Web.Tests.Browser;

/// <summary>
/// Pages are prerendered with their data (the first response already shows it, no script needed) and the circuit takes
/// that data over instead of asking the API again.
/// </summary>
public sealed class PrerenderTests(HospitalWebApp app)
{
    [Fact]
    public async Task Home_PrerenderedHtml_HoldsTodaysFigures()
    {
        var dayStart = new DateTimeOffset(HospitalWebApp.Today.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var api = await app.GraphQLAsync(
            "query ($from: DateTime!, $to: DateTime!) { appointmentStatistics(from: $from, to: $to) { total } bedOccupancy { beds { total occupied } } }",
            new { from = dayStart, to = dayStart.AddDays(1) });

        // Act
        var html = await GetHtmlAsync("");

        // Assert
        Assert.Equal((string)api["data"]!["appointmentStatistics"]!["total"]!.ToString(), TestId(html, "appointments-today"));
        var beds = api["data"]!["bedOccupancy"]!["beds"]!;
        Assert.Equal(beds["occupied"]!.ToString(), TestId(html, "beds-occupied"));
        Assert.Contains("Wednesday 18 November 2026", html, StringComparison.Ordinal);
        Assert.Contains("data-interactive=\"false\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PatientsGrid_PrerenderedHtml_HoldsTheFirstPageOfPatients()
    {
        var api = await app.GraphQLAsync("{ patients(first: 20) { totalCount nodes { lastName firstName } } }");

        var html = await GetHtmlAsync("patients");

        var names = Regex.Matches(html, "class=\"patient-name\">([^<]+)<").Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)).ToList();
        Assert.Equal(api["data"]!["patients"]!["nodes"]!.AsArray().Select(p => $"{p!["lastName"]}, {p["firstName"]}"), names);
        Assert.Contains($"{api["data"]!["patients"]!["totalCount"]} patients", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ChartScheduleAndBedBoard_PrerenderedHtml_HoldTheirData()
    {
        var api = await app.GraphQLAsync("{ patients(first: 1, where: { mrn: { eq: \"MRN-0000007\" } }) { nodes { id fullName } } beds(take: 1) { items { label } } }");
        var patient = api["data"]!["patients"]!["nodes"]![0]!;

        var chart = await GetHtmlAsync($"patients/{Uri.EscapeDataString((string)patient["id"]!)}");
        var schedule = await GetHtmlAsync("appointments?view=day&date=2026-11-18");
        var board = await GetHtmlAsync("wards");

        Assert.Equal("MRN-0000007", TestId(chart, "chart-mrn"));
        Assert.Matches("^[1-9][0-9]* appointments? ", TestId(schedule, "schedule-summary"));
        Assert.Contains("data-state=\"ready\"", schedule, StringComparison.Ordinal);
        Assert.Matches("Showing [1-9][0-9]* of [1-9][0-9]* beds", TestId(board, "board-summary"));
    }

    [Theory]
    [InlineData("", "COUNT(*)", "FROM \"patients\"")]
    [InlineData("patients", "COUNT(*)", "FROM \"patients\"")]
    [InlineData("appointments?view=day&date=2026-11-18", "COUNT(*)", "FROM \"appointments\"")]
    [InlineData("wards", "FROM \"wards\"", "")]
    public async Task InteractivePage_TakesOverWhatThePrerenderLoaded_WithoutQueryingAgain(string path, string sql, string andSql)
    {
        await using var ui = await UiSession.StartAsync(app);
        app.Gate.ForgetSeen();

        // Act: the prerender, then the circuit's first render.
        await ui.GotoAsync(path);
        await ui.Page.WaitForTimeoutAsync(500); // any load of the interactive render's start would have run by now

        // Assert: the page's query ran once, in the prerender.
        Assert.Equal(1, app.Gate.CountSeen(sql, andSql));
        Assert.Empty(ui.Errors);
    }

    [Fact]
    public async Task Chart_InteractiveWatch_StartsFromThePrerender_AndStillFollowsChanges()
    {
        var api = await app.GraphQLAsync("{ patients(first: 1, where: { mrn: { eq: \"MRN-0000011\" } }) { nodes { id } } doctors(first: 1) { nodes { id } } }");
        var patientId = (string)api["data"]!["patients"]!["nodes"]![0]!["id"]!;
        var doctorId = (string)api["data"]!["doctors"]!["nodes"]![0]!["id"]!;
        await using var ui = await UiSession.StartAsync(app);
        app.Gate.ForgetSeen();
        var key = System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(patientId)).Split(':')[1];
        await app.ExpectSubscriptionAsync($"LabOrderChanged:patient:{key}", () => ui.GotoAsync($"patients/{Uri.EscapeDataString(patientId)}"));
        var labs = ui.Page.GetByRole(AriaRole.Tab, new() { NameRegex = new Regex("^Lab results") });
        var before = int.Parse(Regex.Match(await labs.InnerTextAsync(), "\\(([0-9]+)\\)").Groups[1].Value, CultureInfo.InvariantCulture);
        Assert.Equal(1, app.Gate.CountSeen("FROM \"encounters\""));

        // Act: the lab receives an order for this patient from elsewhere: an entity the chart did not hold.
        await app.GraphQLAsync(
            "mutation ($p: ID!, $d: ID!) { orderLabTest(input: { patientId: $p, orderedById: $d, testCode: \"NA\", testName: \"Sodium\" }) { labOrder { id } } }",
            new { p = patientId, d = doctorId });

        // Assert: the chart learns of it and shows it.
        await Expect(labs).ToContainTextAsync($"({before + 1})");
        await ui.ScreenshotAsync("chart-new-lab-order");
        Assert.Empty(ui.Errors);
    }

    private async Task<string> GetHtmlAsync(string path)
    {
        using var http = await app.SignedInHttpClientAsync();
        using var response = await http.GetAsync(path, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
    }

    private static string TestId(string html, string testId)
    {
        var match = Regex.Match(html, $"data-testid=\"{testId}\"[^>]*>([^<]*)<");
        Assert.True(match.Success, $"No data-testid={testId} in the prerendered page.");
        return WebUtility.HtmlDecode(match.Groups[1].Value).Trim();
    }
}
