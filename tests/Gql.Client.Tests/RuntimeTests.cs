using System.Text;
using System.Text.Json;
using Gql.Client.Serialization;
using Gql.Client.Tests.GraphQL;

namespace Gql.Client.Tests;

/// <summary>The generated result types, readers and variable writers of this project's own client (GraphQL/*.graphql).</summary>
public class RuntimeTests
{
    private static IOperationResult<T> Read<T>(string json, Func<JsonElement, T> read)
        where T : class
    {
        using var response = GraphQLResponse.Parse(Encoding.UTF8.GetBytes(json));
        return OperationResultFactory.Create(response, read);
    }

    [Fact]
    public void Results_FollowTheSelection_WithScalarsEnumsListsAndNullability()
    {
        var result = Read("""
            {"data":{"patient":{"id":7,"mrn":"MRN-7","fullName":"Ada Lovelace","birthDate":"1815-12-10","sex":"FEMALE",
              "allergies":["Penicillin"],"nicknames":["Ada",null],"balance":12.50,"externalId":"6f9619ff-8b86-d011-b42d-00c04fc964ff",
              "visits":9007199254740993,"metadata":{"tags":["vip"]},
              "appointments":[{"id":1,"startsAt":"2025-03-01T09:30:00+01:00","dailyAt":"08:15:00","status":"CHECKED_IN",
                "doctor":{"__typename":"Doctor","fullName":"Dr. House","specialty":"Diagnostics"}},
                {"id":2,"startsAt":"2025-03-02T10:00:00Z","dailyAt":null,"status":"SCHEDULED",
                "doctor":{"__typename":"Nurse","fullName":"Joy"}}]}}}
            """, GetPatientResultReader.Read);

        Assert.True(result.IsSuccess);
        var patient = result.Data!.Patient!;
        Assert.Equal(7, patient.Id);
        Assert.Equal("Ada Lovelace", patient.FullName);
        Assert.Equal(new DateOnly(1815, 12, 10), patient.BirthDate);
        Assert.Equal(Sex.Female, patient.Sex);
        Assert.Equal(["Penicillin"], patient.Allergies);
        Assert.Equal(["Ada", null], patient.Nicknames!);
        Assert.Equal(12.50m, patient.Balance);
        Assert.Equal(Guid.Parse("6f9619ff-8b86-d011-b42d-00c04fc964ff"), patient.ExternalId);
        Assert.Equal(9007199254740993L, patient.Visits);
        Assert.Equal("vip", patient.Metadata!.Value.GetProperty("tags")[0].GetString());

        var first = patient.Appointments[0];
        Assert.Equal(new DateTimeOffset(2025, 3, 1, 9, 30, 0, TimeSpan.FromHours(1)), first.StartsAt);
        Assert.Equal(new TimeOnly(8, 15), first.DailyAt);
        Assert.Equal(AppointmentStatus.CheckedIn, first.Status);
        var doctor = Assert.IsAssignableFrom<IGetPatient_Patient_Appointments_Doctor_Doctor>(first.Doctor);
        Assert.Equal("Diagnostics", doctor.Specialty);
        Assert.Equal("Doctor", doctor.__typename);
        Assert.Null(patient.Appointments[1].DailyAt);
        Assert.IsAssignableFrom<IGetPatient_Patient_Appointments_Doctor_Nurse>(patient.Appointments[1].Doctor);

        // The fragment is an interface the result implements.
        IPatientSummary summary = patient;
        Assert.Equal("MRN-7", summary.Mrn);
    }

    [Fact]
    public void NullableFields_AndANullRoot_ReadAsNull()
    {
        var result = Read("""{"data":{"patient":null}}""", GetPatientResultReader.Read);

        Assert.True(result.IsSuccess);
        Assert.Null(result.Data!.Patient);
    }

    [Fact]
    public void AbstractTypes_ReadOneRecordPerObjectType_WithCovariantNestedSelections()
    {
        var result = Read("""
            {"data":{"staff":[
              {"__typename":"Doctor","id":1,"fullName":"Dr. House","department":{"name":"Diagnostics","id":4},"specialty":"Nephrology"},
              {"__typename":"Nurse","id":2,"fullName":"Joy","department":null,"ward":"3B"},
              {"__typename":"Surgeon","id":3,"fullName":"Dr. Who","department":{"name":"Time"}}]}}
            """, GetStaffResultReader.Read);

        var staff = result.Data!.Staff;
        var doctor = Assert.IsType<GetStaff_Staff_Doctor>(staff[0]);
        Assert.Equal(4, doctor.Department!.Id);
        Assert.Equal("Diagnostics", ((IGetStaff_Staff)doctor).Department!.Name);
        var nurse = Assert.IsType<GetStaff_Staff_Nurse>(staff[1]);
        Assert.Equal("3B", nurse.Ward);
        Assert.Null(nurse.Department);

        // A type added to the server after generation still reads, with the fields every staff member has.
        var unknown = Assert.IsType<GetStaff_Staff_UnknownType>(staff[2]);
        Assert.Equal("Surgeon", unknown.__typename);
        Assert.Equal("Time", unknown.Department!.Name);
    }

    [Fact]
    public void Unions_ImplementTheFragmentInterfaces_OfTheirMembers()
    {
        var result = Read("""
            {"data":{"search":[
              {"__typename":"Patient","mrn":"MRN-1"},
              {"__typename":"Doctor","fullName":"Dr. House","department":{"name":"Diagnostics"}}]}}
            """, SearchResultReader.Read);

        var items = result.Data!.Search;
        Assert.Equal("MRN-1", Assert.IsAssignableFrom<ISearch_Search_Patient>(items[0]).Mrn);
        var staff = Assert.IsAssignableFrom<IStaffParts>(items[1]);
        Assert.Equal("Diagnostics", staff.Department!.Name);
        Assert.IsAssignableFrom<IStaffParts_Doctor>(items[1]);
        Assert.IsNotAssignableFrom<IStaffParts>(items[0]);
    }

    [Fact]
    public void Enums_MapScreamingCase_AndKeepUnknownValues()
    {
        Assert.Equal(AppointmentStatus.CheckedIn, AppointmentStatusSerializer.Parse("CHECKED_IN"));
        Assert.Equal("CHECKED_IN", AppointmentStatusSerializer.Format(AppointmentStatus.CheckedIn));
        Assert.Equal(AppointmentStatus.__Unknown, AppointmentStatusSerializer.Parse("RESCHEDULED"));
        Assert.Throws<ArgumentOutOfRangeException>(() => AppointmentStatusSerializer.Format(AppointmentStatus.__Unknown));
    }

    [Fact]
    public void Errors_ReachTheCaller_WithPathLocationsAndCode_NextToPartialData()
    {
        var result = Read("""
            {"errors":[{"message":"Not authorized","path":["patient","appointments",0],"locations":[{"line":2,"column":3}],
              "extensions":{"code":"AUTH_NOT_AUTHORIZED","policy":"Doctor"}}],
             "data":{"patient":null},"extensions":{"cost":3}}
            """, GetPatientResultReader.Read);

        Assert.False(result.IsSuccess);
        Assert.NotNull(result.Data);
        var error = Assert.Single(result.Errors);
        Assert.Equal("Not authorized", error.Message);
        Assert.Equal("AUTH_NOT_AUTHORIZED", error.Code);
        Assert.Equal(["patient", "appointments", 0], error.Path!);
        Assert.Equal([new GraphQLErrorLocation(2, 3)], error.Locations!);
        Assert.Equal("Doctor", error.Extensions!["policy"].GetString());
        Assert.Equal(3, result.Extensions["cost"].GetInt32());
        Assert.Throws<GraphQLClientException>(() => result.EnsureNoErrors());
    }

    [Fact]
    public void DataThatBreaksTheTypes_IsAnError_NotAnException()
    {
        var result = Read("""{"data":{"patient":{"id":null}}}""", GetPatientResultReader.Read);

        Assert.Null(result.Data);
        Assert.Equal(ClientErrorCodes.DeserializationError, Assert.Single(result.Errors).Code);
    }

    [Fact]
    public void Variables_AreWritten_OptionalOnesOnlyWhenGiven()
    {
        Assert.Equal("""{"id":42}""", GetPatientQuery.CreateRequest(42).VariablesToJson());
        Assert.Equal("""{"sex":"OTHER"}""", GetPatientsQuery.CreateRequest(sex: Sex.Other).VariablesToJson());
        Assert.Equal("{}", GetPatientsQuery.CreateRequest().VariablesToJson());
        Assert.Equal("null", GetStaffQuery.CreateRequest().VariablesToJson());
    }

    [Fact]
    public void InputObjects_WriteRequiredFields_SetOptionals_AndExplicitNulls()
    {
        var input = new BookAppointmentInput
        {
            PatientId = 7,
            DoctorId = 3,
            StartsAt = new DateTimeOffset(2025, 3, 1, 9, 30, 0, TimeSpan.Zero),
            Reason = null,
            Filter = new AppointmentFilterInput { Status = AppointmentStatus.Scheduled, DoctorIds = new[] { 1, 2 } },
        };

        var request = BookAppointmentMutation.CreateRequest(input);

        Assert.Equal(
            """{"input":{"patientId":7,"doctorId":3,"startsAt":"2025-03-01T09:30:00Z","reason":null,"filter":{"status":"SCHEDULED","doctorIds":[1,2]}}}""",
            request.VariablesToJson());
        Assert.Equal(OperationKind.Mutation, request.Kind);
        Assert.Equal("BookAppointment", request.OperationName);
        using var body = JsonDocument.Parse(request.ToUtf8Json());
        Assert.StartsWith("mutation BookAppointment($input: BookAppointmentInput!)", body.RootElement.GetProperty("query").GetString(), StringComparison.Ordinal);
        Assert.Equal(7, body.RootElement.GetProperty("variables").GetProperty("input").GetProperty("patientId").GetInt32());
    }

    [Fact]
    public void Scalars_RoundTrip()
    {
        Assert.Equal("\"2025-03-01T09:30:00.5+02:00\"", Write(w => GraphQLScalars.WriteDateTime(w, new DateTimeOffset(2025, 3, 1, 9, 30, 0, 500, TimeSpan.FromHours(2)))));
        Assert.Equal("\"2025-03-01\"", Write(w => GraphQLScalars.WriteDate(w, new DateOnly(2025, 3, 1))));
        Assert.Equal("\"08:15:00\"", Write(w => GraphQLScalars.WriteLocalTime(w, new TimeOnly(8, 15))));
        Assert.Equal(123L, GraphQLScalars.ReadLong(JsonDocument.Parse("\"123\"").RootElement));
        Assert.Equal("5", GraphQLScalars.ReadId(JsonDocument.Parse("5").RootElement));
    }

    private static string Write(Action<Utf8JsonWriter> write) => JsonWritable.ToJsonString(new JsonWritable(write));
}
