using System.Text.Json;
using Hospital.Web.Components.Wards;
using Hospital.Web.GraphQL;

namespace Hospital.Web.Components.Tests.Wards;

/// <summary>The bed board's state: changed beds are put in their ward, new ones and moved ones too.</summary>
public sealed class BedBoardStateTests
{
    [Fact]
    public void AChangedBed_ReplacesItsTile_AndTheFiguresFollow()
    {
        var board = Board();

        var applied = board.Apply(Bed("b1", "1A-1", "OCCUPIED"), "w1");

        Assert.True(applied);
        Assert.Equal(BedStatus.Occupied, Assert.Single(board.BedsOf(board.Wards![0]), b => b.Id == "b1").Status);
        Assert.Equal(1, board.Occupied);
        Assert.Equal(3, board.TotalBeds);
    }

    [Fact]
    public void ABedNewToTheBoard_OrMovedToAnotherWard_ShowsInThatWard()
    {
        var board = Board();

        Assert.True(board.Apply(Bed("b9", "2B-9", "AVAILABLE"), "w2"));
        Assert.True(board.Apply(Bed("b1", "2B-1", "CLEANING"), "w2"));

        Assert.Equal(["b2"], board.BedsOf(board.Wards![0]).Select(b => b.Id));
        Assert.Equal(["b1", "b3", "b9"], board.BedsOf(board.Wards[1]).Select(b => b.Id).Order());
        Assert.Equal(4, board.TotalBeds);
    }

    [Fact]
    public void ABedOfAWardTheBoardDoesNotKnow_AsksForAReload()
    {
        var board = Board();

        Assert.False(board.Apply(Bed("b7", "9Z-1", "AVAILABLE"), "w9"));
        Assert.False(new BedBoardState().Apply(Bed("b1", "1A-1", "AVAILABLE"), "w1"));
    }

    [Fact]
    public void Filters_NarrowTheWardsAndBeds_AndCountByStatus()
    {
        var board = Board();
        board.StatusFilter = "available";

        Assert.Equal(["w1", "w2"], board.Visible().Select(v => v.Ward.Id));
        board.WardFilter = "w2";
        Assert.Equal(["b3"], board.Visible().SelectMany(v => v.Beds).Select(b => b.Id));
        Assert.Equal(1, board.CountOf(BedStatus.Available));
        Assert.True(board.Filtered);
        board.ClearFilters();
        Assert.False(board.Filtered);
    }

    private static BedBoardState Board()
    {
        var board = new BedBoardState();
        board.Show(GetBedBoardResultReader.Read(JsonDocument.Parse($$"""
            {"wards":[
              {{Ward("w2", "2B", 2, [BedJson("b3", "2B-3", "AVAILABLE")])}},
              {{Ward("w1", "1A", 1, [BedJson("b1", "1A-1", "AVAILABLE"), BedJson("b2", "1A-2", "CLEANING")])}}
            ]}
            """).RootElement));
        return board;
    }

    private static IBedTile Bed(string id, string label, string status) =>
        OnBoardBedChangedResultReader.Read(JsonDocument.Parse($$"""{"bedChanged":{{BedJson(id, label, status, ward: true)}}}""").RootElement).BedChanged;

    private static string Ward(string id, string name, int floor, string[] beds) =>
        $$"""{"id":"{{id}}","name":"{{name}}","floor":{{floor}},"kind":"GENERAL","department":{"name":"Medicine"},"beds":[{{string.Join(",", beds)}}]}""";

    private static string BedJson(string id, string label, string status, bool ward = false) =>
        $$"""{"id":"{{id}}","label":"{{label}}","status":"{{status}}","currentPatient":null,"currentAdmission":null{{(ward ? ",\"ward\":{\"id\":\"x\"}" : "")}}}""";
}
