using Gql.Client;
using Hospital.Web.Components.Appointments;
using System.Text.Json;
using Hospital.Web.Components.Wards;
using Hospital.Web.GraphQL;

namespace Hospital.Web.Components.Tests;

/// <summary>The words staff see for errors: messages, never exceptions, addresses or stack traces.</summary>
public sealed class ErrorTextTests
{
    [Fact]
    public void NoErrorsAndNoData_SaysSo() =>
        Assert.Equal("The server returned no data.", ErrorText.Describe([]));

    [Theory]
    [InlineData(ClientErrorCodes.NetworkError)]
    [InlineData(ClientErrorCodes.HttpError)]
    public void ATransportFailure_SaysTheServerCouldNotBeReached_NotWhy(string code)
    {
        var text = ErrorText.Describe([new GraphQLClientError("Connection refused (10.0.0.5:443)", code, exception: new HttpRequestException("boom"))]);

        Assert.Equal("The hospital server could not be reached. Check the connection and try again.", text);
    }

    [Fact]
    public void GraphQLErrors_AreTheirMessages_EachOnce_AtMostThree()
    {
        var text = ErrorText.Describe(
            [new("A."), new("A."), new("B.", "INVALID_ID"), new("C."), new("D.")]);

        Assert.Equal("A. B. C.", text);
    }

    [Fact]
    public void APayloadError_IsItsMessage_AndAnUnknownOne_SaysTheChangeWasNotMade()
    {
        using var document = JsonDocument.Parse("""
            {"checkInAppointment":{"appointment":null,"errors":[
              {"__typename":"InvalidTransitionError","message":"Already checked in."},
              {"__typename":"SomeFutureError","message":"words this version cannot vouch for"}]}}
            """);
        var errors = CheckInAppointmentResultReader.Read(document.RootElement).CheckInAppointment.Errors!;

        Assert.Equal("Already checked in.", ErrorText.Message(errors[0]));
        Assert.Equal("The change was not made, for a reason this version of the app does not know. Reload the page.", ErrorText.Message(errors[1]));
    }

    [Fact]
    public void StatusKeys_AreTheTokensCssAndDataAttributesUse()
    {
        Assert.Equal(["scheduled", "checked-in", "in-progress", "completed", "cancelled", "no-show"], AppointmentStatusView.All.Select(AppointmentStatusView.Key));
        Assert.Equal(["available", "occupied", "cleaning", "out-of-service"], BedStatusView.All.Select(BedStatusView.Key));
    }
}
