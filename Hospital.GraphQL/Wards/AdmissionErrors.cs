using Gql.Server.Relay;
using Hospital.Data.Domain;

namespace Hospital.GraphQL.Wards;

[GraphQLDescription("The bed cannot take a patient: it is occupied, being cleaned or out of service. Pick another.")]
[AllowAnonymous]
public sealed class BedNotAvailableError(BedNotAvailableException exception)
{
    public string Message { get; } = $"That bed is not free ({exception.Status.ToLowerInvariant()}). Pick an available bed.";

    [GraphQLDescription("A stable word for programs: BED_NOT_AVAILABLE.")]
    public string Code => "BED_NOT_AVAILABLE";

    [GraphQLDescription("The bed asked for.")]
    public string BedId { get; } = NodeIds.Encode("Bed", exception.BedId);
}

[GraphQLDescription("The patient is admitted already (one stay at a time): transfer them instead.")]
[AllowAnonymous]
public sealed class PatientAlreadyAdmittedError(PatientAlreadyAdmittedException exception)
{
    public string Message { get; } = "The patient is already admitted. Transfer them to another bed instead.";

    [GraphQLDescription("A stable word for programs: ALREADY_ADMITTED.")]
    public string Code => "ALREADY_ADMITTED";

    [GraphQLDescription("The patient.")]
    public string PatientId { get; } = NodeIds.Encode("Patient", exception.PatientId);
}
