using Hospital.Web.Components.Tests.Infrastructure;
using Hospital.Web.Components.Wards;
using Hospital.Web.GraphQL;
using Microsoft.Extensions.DependencyInjection;
using Radzen;
using Radzen.Blazor;

namespace Hospital.Web.Components.Tests.Wards;

/// <summary>The bed board's status dialog, opened through Radzen's DialogService as the board opens it.</summary>
public sealed class BedStatusDialogTests : ComponentTestContext
{
    private const string BedId = "QmVkOjQy";

    [Fact]
    public async Task Opens_OffersTheStatusesStaffSet_NotOccupied_AndNotTheCurrentOne()
    {
        var (host, _) = await OpenAsync(BedStatus.Cleaning);

        Assert.Contains("Now: Cleaning", host.Find(".bed-status-dialog .muted").TextContent);
        var options = host.FindAll(".bed-status-option");
        Assert.Equal(["set-available", "set-cleaning", "set-out-of-service"], options.Select(o => o.GetAttribute("data-testid")));
        Assert.Equal("true", host.Find("[data-testid=set-cleaning]").GetAttribute("aria-pressed"));
        Assert.True(host.Find("[data-testid=set-cleaning]").HasAttribute("disabled"));
        Assert.False(host.Find("[data-testid=set-available]").HasAttribute("disabled"));
    }

    [Fact]
    public async Task PickingAStatus_SetsIt_AndClosesWithIt()
    {
        Server.Answer("SetBedStatus", $$$"""{"setBedStatus":{"bed":{{{Bed("AVAILABLE")}}},"errors":null}}""");
        var (host, closed) = await OpenAsync(BedStatus.Cleaning);

        await host.Find("[data-testid=set-available]").ClickAsync(new());

        var request = Assert.Single(Server.Sent);
        Assert.Equal("SetBedStatus", request.Operation);
        Assert.Equal(BedId, request.Variable("bedId"));
        Assert.Equal("AVAILABLE", request.Variable("status"));
        Assert.Equal(BedStatus.Available, (BedStatus)(await closed)!);
    }

    [Fact]
    public async Task ARefusal_IsShownInTheDialog_WhichStaysOpen()
    {
        Server.Answer("SetBedStatus", """{"setBedStatus":{"bed":null,"errors":[{"__typename":"InvalidTransitionError","message":"Bed 3B is occupied; discharge the patient first."}]}}""");
        var (host, closed) = await OpenAsync(BedStatus.Available);

        await host.Find("[data-testid=set-out-of-service]").ClickAsync(new());

        host.WaitForAssertion(() => Assert.Equal("Bed 3B is occupied; discharge the patient first.", host.Find("[role=alert]").TextContent));
        Assert.False(closed.IsCompleted);
        Assert.False(host.Find("[data-testid=set-out-of-service]").HasAttribute("disabled"));
    }

    [Fact]
    public async Task AnErrorTypeThisVersionDoesNotKnow_StillSaysTheChangeWasNotMade()
    {
        Server.Answer("SetBedStatus", """{"setBedStatus":{"bed":null,"errors":[{"__typename":"QuarantineError","message":"raw server words"}]}}""");
        var (host, _) = await OpenAsync(BedStatus.Available);

        await host.Find("[data-testid=set-cleaning]").ClickAsync(new());

        host.WaitForAssertion(() => Assert.StartsWith("The change was not made", host.Find("[role=alert]").TextContent, StringComparison.Ordinal));
    }

    [Fact]
    public async Task AnUnreachableServer_SaysSo_InsteadOfTheException()
    {
        Server.Unreachable("SetBedStatus");
        var (host, _) = await OpenAsync(BedStatus.Available);

        await host.Find("[data-testid=set-cleaning]").ClickAsync(new());

        host.WaitForAssertion(() => Assert.Equal("The hospital server could not be reached. Check the connection and try again.", host.Find("[role=alert]").TextContent));
        Assert.DoesNotContain("127.0.0.1", host.Markup, StringComparison.Ordinal);
    }

    private async Task<(IRenderedComponent<RadzenDialog> Host, Task<dynamic?> Closed)> OpenAsync(BedStatus current)
    {
        var host = Render<RadzenDialog>();
        var dialogs = Services.GetRequiredService<DialogService>();
        Task<dynamic?> closed = null!;
        // Not awaited: the task completes when the dialog closes.
        await host.InvokeAsync(() =>
        {
            closed = dialogs.OpenAsync<BedStatusDialog>(
                "Bed 3B",
                new Dictionary<string, object?> { [nameof(BedStatusDialog.BedId)] = BedId, [nameof(BedStatusDialog.Label)] = "3B", [nameof(BedStatusDialog.Current)] = current });
        });
        host.WaitForElement(".bed-status-dialog");
        return (host, closed);
    }

    private static string Bed(string status) =>
        $$$"""{"id":"{{{BedId}}}","label":"3B","status":"{{{status}}}","currentPatient":null,"currentAdmission":null}""";
}
