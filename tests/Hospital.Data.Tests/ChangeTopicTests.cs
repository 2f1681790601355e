using Hospital.Data.Outbox;

namespace Hospital.Data.Tests;

/// <summary>One topic object names the writers' rows and the subscribers' channels.</summary>
public sealed class ChangeTopicTests
{
    [Fact]
    public void Channels_AreTheTopicOrOneScopeOfIt()
    {
        Assert.Equal("AppointmentChanged", ChangeTopics.AppointmentChanged.Channel());
        Assert.Equal("AppointmentChanged:patient:7", ChangeTopics.AppointmentChanged.Channel("patient", 7));
        Assert.Equal("AppointmentChanged:doctor:3", ChangeTopics.AppointmentChanged.Channel(("patient", null), ("doctor", 3)));
        Assert.Equal("AppointmentChanged", ChangeTopics.AppointmentChanged.Channel(("patient", null), ("doctor", null)));
    }

    [Fact]
    public void AStoredRow_IsPublishedOnTheTopicAndEachOfItsScopes()
    {
        Assert.Equal(
            ["AppointmentChanged", "AppointmentChanged:doctor:3", "AppointmentChanged:patient:7"],
            ChangeTopic.Channels("AppointmentChanged", "doctor:3 patient:7"));
        Assert.Equal(["BedChanged"], ChangeTopic.Channels("BedChanged", null));
    }

    [Fact]
    public void UndeclaredScopes_AreRefused()
    {
        var error = Assert.Throws<ArgumentException>(() => ChangeTopics.BedChanged.Channel("patient", 1));

        Assert.Contains("has no scope 'patient' (it has: ward)", error.Message, StringComparison.Ordinal);
    }
}
