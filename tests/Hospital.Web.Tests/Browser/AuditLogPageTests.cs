using Hospital.Web.Components.Audit;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Hospital.Web.Tests.Browser;

/// <summary>The audit log page, its CSV export and who may see them.</summary>
public sealed class AuditLogPageTests(HospitalWebApp app)
{
    private const string Rows = "[data-testid=audit-row]";

    [Theory]
    [InlineData("desktop", 1280, 800)]
    [InlineData("phone", 390, 844)]
    public async Task AuditLog_Admin_SeesReadsAndFiltersThemByUserAndAction(string viewport, int width, int height)
    {
        await app.GraphQLAsync("query AuditPageProbe { patients(first: 2) { nodes { lastName } } }");
        await using var ui = await UiSession.StartAsync(app, width, height, "admin");

        // Act
        await ui.GotoAsync("audit");
        await Expect(ui.Page.Locator(Rows).First).ToBeVisibleAsync();
        await ui.Page.GetByLabel("User name", new() { Exact = true }).FillAsync("doctor");
        await ui.Page.GetByLabel("Action", new() { Exact = true }).SelectOptionAsync("Read");
        await ui.Page.GetByRole(AriaRole.Button, new() { Name = "Apply" }).ClickAsync();

        // Assert
        await Expect(ui.Page.GetByRole(AriaRole.Heading, new() { Name = "Audit log", Level = 1 })).ToBeVisibleAsync();
        await Expect(ui.Page.Locator(Rows).Filter(new() { HasText = "AuditPageProbe" }).First).ToBeVisibleAsync();
        var who = await ui.Page.Locator($"{Rows} td:nth-child(2)").AllInnerTextsAsync();
        Assert.All(who, w => Assert.StartsWith("doctor", w, StringComparison.Ordinal));
        if (width < 500)
        {
            Assert.True(await ui.Page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"));
        }

        await ui.ScreenshotAsync($"audit-{viewport}");
        await ui.AssertAccessibleAsync($"audit log ({viewport})");
        Assert.Empty(ui.Errors);
    }

    [Fact]
    public async Task Export_Admin_GetsUtf8CsvWithAHeader_OthersDoNot()
    {
        await app.GraphQLAsync("query AuditExportProbe { patients(first: 1) { nodes { lastName } } }");
        await using var ui = await UiSession.StartAsync(app, userName: "admin");
        var doctor = await app.SignedInHttpClientAsync("doctor");

        // Act
        var export = await ui.Page.Context.APIRequest.GetAsync(new Uri(app.BaseAddress, "audit/export.csv?user=doctor&action=Read").ToString());
        var refused = await doctor.GetAsync("audit/export.csv", TestContext.Current.CancellationToken);

        // Assert
        Assert.Equal(200, export.Status);
        Assert.StartsWith("text/csv", export.Headers["content-type"], StringComparison.Ordinal);
        var body = await export.BodyAsync();
        Assert.Equal([0xEF, 0xBB, 0xBF], body[..3]);
        var lines = System.Text.Encoding.UTF8.GetString(body, 3, body.Length - 3).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("occurred_at_utc,user_name,role,action", lines[0], StringComparison.Ordinal);
        Assert.Contains(lines, l => l.Contains("AuditExportProbe", StringComparison.Ordinal) && l.Contains(",doctor,", StringComparison.Ordinal));
        Assert.DoesNotContain("text/csv", refused.Content.Headers.ContentType?.ToString() ?? "", StringComparison.Ordinal);
    }

    [Fact]
    public async Task Nav_ShowsTheAuditLogToAdminsOnly()
    {
        await using var admin = await UiSession.StartAsync(app, userName: "admin");
        await using var doctor = await UiSession.StartAsync(app, userName: "doctor");

        await admin.GotoAsync("");
        await doctor.GotoAsync("");

        await Expect(admin.Page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByText("Audit log")).ToBeVisibleAsync();
        await Expect(doctor.Page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByText("Audit log")).ToHaveCountAsync(0);
    }

    [Theory]
    [InlineData("=HYPERLINK(\"x\")", "\"'=HYPERLINK(\"\"x\"\")\"")]
    [InlineData("+1", "'+1")]
    [InlineData("-1", "'-1")]
    [InlineData("@cmd", "'@cmd")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("plain", "plain")]
    public void CsvCells_AreQuoted_AndFormulasDefused(string cell, string written)
    {
        Assert.Equal(written + ",\r\n", AuditCsv.Line([cell, null]));
    }
}
