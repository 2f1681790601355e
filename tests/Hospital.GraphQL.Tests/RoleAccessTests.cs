using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Gql.Server;
using Gql.Server.Authorization;
using Gql.Server.Relay;
using Gql.Server.Types;
using Hospital.Data;
using Hospital.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Snapshooter.Xunit3;

namespace Hospital.GraphQL.Tests;

/// <summary>
/// The role table (<see cref="RoleTable"/>) against the running API: every field's rule, and what each role and an
/// anonymous caller actually get for every field of patient data, every root field and every step, over HTTP; a subset
/// over WebSocket and server-sent events. Authorization does not depend on the database, so this runs on SQLite only.
/// </summary>
public sealed class RoleAccessTests(HospitalApi api)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>The callers: each role's demo account, and nobody ("").</summary>
    public static TheoryData<string> Callers => [.. RoleTable.DemoUserRoles.Keys, ""];

    [Fact]
    public void RulesTable_MatchesTheSnapshot()
    {
        // A change to who may read what shows up in review as a change to this file.
        api.Services.GetRequiredService<Schema>().PrintAuthorizationRules().MatchSnapshot();
    }

    [Fact]
    public void EveryField_HasTheRuleOfItsRowInTheRoleTable()
    {
        var wrong = new List<string>();
        foreach (var field in api.Services.GetRequiredService<Schema>().GetAuthorizationRules())
        {
            var type = field.Coordinate[..field.Coordinate.IndexOf('.', StringComparison.Ordinal)];
            if (RoleTable.Field(type, field.Field.Name) is not { } expected)
            {
                if (field.HasRule || AuthorizationSchemaExtensions.RequiresRuleByDefault(field.Field))
                {
                    wrong.Add($"{field.Coordinate} is not in the role table ({field})");
                }

                continue;
            }

            var actual = RoleTable.Effective(field);
            if (actual.Who != expected.Who)
            {
                wrong.Add($"{field.Coordinate}: the schema lets {actual.Who} read it, the table says {expected}");
            }
        }

        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }

    [Theory]
    [MemberData(nameof(Callers))]
    public async Task PatientData_OverHttp_IsWhatTheRoleTableSays(string user)
    {
        var (token, role) = await CallerAsync(user);
        var wrong = new List<string>();

        foreach (var probe in await ProbesAsync())
        {
            var result = await api.PostWithTokenAsync(token, probe.Query);
            wrong.AddRange(Judge(result, probe, role));
        }

        Assert.True(wrong.Count == 0, $"{(user.Length == 0 ? "anonymous" : user)}:\n" + string.Join("\n", wrong));
    }

    [Theory]
    [MemberData(nameof(Callers))]
    public async Task Steps_OverHttp_AreTakenOnlyByTheRolesTheTableNames(string user)
    {
        var (token, role) = await CallerAsync(user);
        var ids = await IdsAsync();
        var steps = new Dictionary<string, string>
        {
            ["checkInAppointment"] = $"appointmentId: \"{ids.MissingAppointment}\"",
            ["cancelAppointment"] = $"appointmentId: \"{ids.MissingAppointment}\", reason: \"test\"",
            ["markAppointmentNoShow"] = $"appointmentId: \"{ids.MissingAppointment}\", reason: \"test\"",
            ["bookAppointment"] = $"patientId: \"{ids.MissingPatient}\", doctorId: \"{ids.Doctor}\", reason: \"test\", startsAt: \"2030-01-07T09:00:00Z\"",
            ["rescheduleAppointment"] = $"appointmentId: \"{ids.MissingAppointment}\", startsAt: \"2030-01-07T09:00:00Z\"",
            ["startAppointment"] = $"appointmentId: \"{ids.MissingAppointment}\"",
            ["completeAppointment"] = $"appointmentId: \"{ids.MissingAppointment}\"",
            ["orderLabTest"] = $"patientId: \"{ids.MissingPatient}\", orderedById: \"{ids.Doctor}\", testCode: \"K\", testName: \"Potassium\"",
            ["addLabNote"] = $"labOrderId: \"{ids.MissingLabOrder}\", text: \"test\"",
            ["collectLabSpecimen"] = $"labOrderId: \"{ids.MissingLabOrder}\"",
            ["startLabAnalysis"] = $"labOrderId: \"{ids.MissingLabOrder}\"",
            ["recordLabResults"] = $"labOrderId: \"{ids.MissingLabOrder}\", results: [{{ analyte: \"K\", value: \"4.1\" }}]",
            ["cancelLabOrder"] = $"labOrderId: \"{ids.MissingLabOrder}\", reason: \"test\"",
            ["admitPatient"] = $"patientId: \"{ids.MissingPatient}\", bedId: \"{ids.MissingBed}\", attendingDoctorId: \"{ids.Doctor}\", reason: \"test\"",
            ["transferPatient"] = $"admissionId: \"{Missing("Admission")}\", bedId: \"{ids.MissingBed}\", reason: \"test\"",
            ["dischargePatient"] = $"admissionId: \"{Missing("Admission")}\", summary: \"test\"",
            ["setBedStatus"] = $"bedId: \"{ids.MissingBed}\", status: CLEANING",
            ["createInvoice"] = $"appointmentId: \"{ids.MissingAppointment}\"",
            ["addInvoiceLine"] = $"invoiceId: \"{Missing("Invoice")}\", description: \"X-ray\", quantity: 1, unitPrice: 10",
            ["updateInvoiceLine"] = $"invoiceLineId: \"{Missing("InvoiceLine")}\", description: \"X-ray\", quantity: 1, unitPrice: 10",
            ["removeInvoiceLine"] = $"invoiceLineId: \"{Missing("InvoiceLine")}\"",
            ["issueInvoice"] = $"invoiceId: \"{Missing("Invoice")}\"",
            ["voidInvoice"] = $"invoiceId: \"{Missing("Invoice")}\", reason: \"test\"",
            ["recordPayment"] = $"invoiceId: \"{Missing("Invoice")}\", amount: 10, method: CASH",
            ["refundPayment"] = $"paymentId: \"{Missing("Payment")}\", amount: 10, reason: \"test\"",
            ["registerPatient"] = "firstName: \"\", lastName: \"Refused\", dateOfBirth: \"1990-01-01\", sex: FEMALE",
            ["updatePatient"] = $"patientId: \"{ids.MissingPatient}\", version: 0, firstName: \"A\", lastName: \"B\", dateOfBirth: \"1990-01-01\", sex: FEMALE",
            ["deactivatePatient"] = $"patientId: \"{ids.MissingPatient}\"",
            ["reactivatePatient"] = $"patientId: \"{ids.MissingPatient}\"",
            ["joinWaitlist"] = $"patientId: \"{ids.MissingPatient}\", doctorId: \"{ids.Doctor}\", reason: \"test\"",
            ["acceptWaitlistOffer"] = $"entryId: \"{Missing("WaitlistEntry")}\"",
            ["declineWaitlistOffer"] = $"entryId: \"{Missing("WaitlistEntry")}\"",
            ["leaveWaitlist"] = $"entryId: \"{Missing("WaitlistEntry")}\", reason: \"test\"",
            ["runJob"] = "name: \"no-such-job\"",
            ["retryNotification"] = $"notificationId: \"{Missing("Notification")}\"",
        };
        // Steps without an id to miss reach the resolver with input it refuses (a blank first name), so nothing changes.
        var reached = new Dictionary<string, string> { ["registerPatient"] = "ValidationError" };
        var mutation = (ObjectType)api.Services.GetRequiredService<Schema>().MutationType!;
        // changePassword acts on the caller's own account (AccountApiTests): there is no unknown id to send it.
        var guarded = mutation.Fields.Where(f => RoleTable.Field("Mutation", f.Name) is { Anonymous: false } && f.Name != "changePassword").Select(f => f.Name).ToList();
        Assert.Equal(guarded.Order(), steps.Keys.Order());

        var wrong = new List<string>();
        foreach (var (name, input) in steps)
        {
            // Unknown ids: a role that may take the step gets the typed NotFoundError (or the error of `reached`), and nothing changes either way.
            var result = await api.PostWithTokenAsync(token, $"mutation {{ {name}(input: {{ {input} }}) {{ errors {{ __typename }} }} }}");
            var expected = RoleTable.Field("Mutation", name)!;
            if (expected.Allows(role))
            {
                if (result["errors"] is not null || (string?)result["data"]?[name]?["errors"]?[0]?["__typename"] != reached.GetValueOrDefault(name, "NotFoundError"))
                {
                    wrong.Add($"{name}: {expected} should reach the resolver, got {result.ToJsonString()}");
                }
            }
            else if (!IsDenied(result, [name], role))
            {
                wrong.Add($"{name}: {expected} should be refused, got {result.ToJsonString()}");
            }
        }

        Assert.True(wrong.Count == 0, $"{(user.Length == 0 ? "anonymous" : user)}:\n" + string.Join("\n", wrong));
    }

    [Fact]
    public async Task StartingAnotherDoctorsAppointment_IsNotAuthorized()
    {
        var ids = await IdsAsync();

        // The demo doctor is not this appointment's doctor.
        var result = await api.PostAsAsync("doctor", "mutation ($id: ID!) { startAppointment(input: { appointmentId: $id }) { appointment { status } } }", new { id = ids.OthersAppointment });

        Assert.True(IsDenied(result, ["startAppointment"], Roles.Doctor), result.ToJsonString());
    }

    public static TheoryData<string, string> TransportsAndCallers
    {
        get
        {
            var data = new TheoryData<string, string>();
            foreach (var transport in new[] { "websocket", "sse" })
            {
                foreach (var user in Callers)
                {
                    data.Add(transport, (string)user.Data);
                }
            }

            return data;
        }
    }

    /// <summary>One query per row of the table, over a WebSocket (token in connection_init) or server-sent events (bearer header).</summary>
    [Theory]
    [MemberData(nameof(TransportsAndCallers))]
    public async Task OneQueryPerRow_OverWebSocketAndSse_IsWhatTheRoleTableSays(string transport, string user)
    {
        var (token, role) = await CallerAsync(user);
        var ids = await IdsAsync();
        var rows = new (string Field, string Query, RoleRow Expected)[]
        {
            ("patient", $"{{ patient(id: \"{ids.Patient}\") {{ mrn }} }}", RoleTable.PatientIdentity),
            ("encounter", $"{{ encounter(id: \"{ids.Encounter}\") {{ chiefComplaint }} }}", RoleTable.Clinical),
            ("labOrder", $"{{ labOrder(id: \"{ids.LabOrder}\") {{ testName }} }}", RoleTable.Clinical),
            ("appointment", $"{{ appointment(id: \"{ids.Appointment}\") {{ status }} }}", RoleTable.Appointments),
            ("bed", $"{{ bed(id: \"{ids.Bed}\") {{ label }} }}", RoleTable.Wards),
            ("invoice", $"{{ invoice(id: \"{ids.Invoice}\") {{ number }} }}", RoleTable.Billing),
            ("doctors", "{ doctors(first: 1) { nodes { fullName } } }", RoleTable.StaffDirectory),
            ("me", "{ me { userName } }", RoleTable.Own),
            ("auditEntries", "{ auditEntries(first: 1) { nodes { action } } }", RoleTable.Audit),
            ("bedOccupancy", "{ bedOccupancy { beds { total } } }", RoleTable.Statistics),
        };

        if (transport == "websocket")
        {
            await using var socket = await GraphQLSocket.ConnectAsync(api, token);
            if (token is null)
            {
                // No anonymous sockets at all.
                Assert.Equal("4403", socket.Refusal);
                return;
            }

            var wrong = new List<string>();
            foreach (var (field, query, expected) in rows)
            {
                wrong.AddRange(JudgeRoot(await socket.QueryAsync(query), field, expected, role));
            }

            Assert.True(wrong.Count == 0, $"{user} over WebSocket:\n" + string.Join("\n", wrong));
        }
        else
        {
            var wrong = new List<string>();
            foreach (var (field, query, expected) in rows)
            {
                wrong.AddRange(JudgeRoot(await EventStream.QueryAsync(api, token, query), field, expected, role));
            }

            Assert.True(wrong.Count == 0, $"{(user.Length == 0 ? "anonymous" : user)} over SSE:\n" + string.Join("\n", wrong));
        }
    }

    /// <summary>Each subscription delivers to the roles that may read its data, and refuses the others at subscribe time.</summary>
    [Theory]
    [MemberData(nameof(TransportsAndCallers))]
    public async Task Subscriptions_OverWebSocketAndSse_DeliverOnlyToTheRolesThatReadTheirData(string transport, string user)
    {
        var (token, role) = await CallerAsync(user);
        var keys = await KeysAsync();
        var subscriptions = new (string Field, string Query, string Topic, long Entity)[]
        {
            ("appointmentChanged", "subscription { appointmentChanged { id status } }", "AppointmentChanged", keys.Appointment),
            ("labOrderChanged", "subscription { labOrderChanged { id status } }", "LabOrderChanged", keys.LabOrder),
            ("labResultAdded", "subscription { labResultAdded { analyte } }", "LabResultAdded", keys.LabResult),
            ("labNoteAdded", "subscription { labNoteAdded { text } }", "LabNoteAdded", keys.LabNote),
            ("bedChanged", "subscription { bedChanged { id label } }", "BedChanged", keys.Bed),
        };
        var wrong = new List<string>();

        if (transport == "websocket")
        {
            await using var socket = await GraphQLSocket.ConnectAsync(api, token);
            if (token is null)
            {
                Assert.Equal("4403", socket.Refusal);
                return;
            }

            foreach (var (field, query, topic, entity) in subscriptions)
            {
                var expected = RoleTable.Field("Subscription", field)!;
                var listening = Listening(topic);
                var id = await socket.SubscribeAsync(query);
                if (expected.Allows(role))
                {
                    await WaitForSubscriberAsync(topic, listening);
                    await PublishFromOutboxAsync(topic, entity);
                    wrong.AddRange(JudgeRoot(await socket.NextAsync(id), field, expected, role));
                    await socket.CompleteAsync(id);
                }
                else
                {
                    wrong.AddRange(JudgeRoot(await socket.NextAsync(id), field, expected, role));
                }
            }
        }
        else
        {
            foreach (var (field, query, topic, entity) in subscriptions)
            {
                var expected = RoleTable.Field("Subscription", field)!;
                var listening = Listening(topic);
                await using var stream = await EventStream.OpenAsync(api, token, query);
                if (expected.Allows(role))
                {
                    await WaitForSubscriberAsync(topic, listening);
                    await PublishFromOutboxAsync(topic, entity);
                }

                wrong.AddRange(JudgeRoot(await stream.NextAsync(), field, expected, role));
            }
        }

        Assert.True(wrong.Count == 0, $"{(user.Length == 0 ? "anonymous" : user)} over {transport}:\n" + string.Join("\n", wrong));
    }

    [Fact]
    public async Task Introspection_OutsideDevelopment_IsForAdminsAndAnalysts()
    {
        const string Introspect = "{ __schema { queryType { name } } }";
        var results = new Dictionary<string, string?>();
        foreach (var user in RoleTable.DemoUserRoles.Keys.Append(""))
        {
            var token = user.Length == 0 ? null : await api.AccessTokenAsync(user);
            var result = await api.PostWithTokenAsync(token, Introspect);
            results[user.Length == 0 ? "anonymous" : user] = (string?)result["data"]?["__schema"]?["queryType"]?["name"] ?? (string?)result["errors"]?[0]?["extensions"]?["code"];
        }

        using var anonymousSdl = await api.Client.GetAsync("/graphql?sdl", Ct);
        using var analystSdl = new HttpRequestMessage(HttpMethod.Get, "/graphql?sdl");
        analystSdl.Headers.Authorization = new("Bearer", await api.AccessTokenAsync("analyst"));
        using var analystSdlResponse = await api.Client.SendAsync(analystSdl, Ct);
        using var nurseIde = new HttpRequestMessage(HttpMethod.Get, "/graphql");
        nurseIde.Headers.Accept.ParseAdd("text/html");
        nurseIde.Headers.Authorization = new("Bearer", await api.AccessTokenAsync("nurse"));
        using var nurseIdeResponse = await api.Client.SendAsync(nurseIde, Ct);

        Assert.Equal(
            new Dictionary<string, string?>
            {
                ["admin"] = "Query",
                ["doctor"] = "INTROSPECTION_NOT_ALLOWED",
                ["nurse"] = "INTROSPECTION_NOT_ALLOWED",
                ["reception"] = "INTROSPECTION_NOT_ALLOWED",
                ["analyst"] = "Query",
                ["anonymous"] = "INTROSPECTION_NOT_ALLOWED",
            },
            results);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymousSdl.StatusCode);
        Assert.Equal(HttpStatusCode.OK, analystSdlResponse.StatusCode);
        Assert.Contains("@authorize", await analystSdlResponse.Content.ReadAsStringAsync(Ct));
        Assert.Equal(HttpStatusCode.Forbidden, nurseIdeResponse.StatusCode);
    }

    [Theory]
    [InlineData("Production", null, null, "doctor", false)]
    [InlineData("Production", null, null, "analyst", true)]
    [InlineData("Production", null, null, null, false)]
    [InlineData("Development", null, null, null, true)]
    [InlineData("Production", "true", null, null, true)]
    [InlineData("Production", null, "Doctor", "doctor", true)]
    [InlineData("Production", null, "Doctor", "analyst", false)]
    public async Task IntrospectionAccess_FollowsTheEnvironmentAndHospitalAuthOptions(string environment, string? open, string? role, string? userRole, bool allowed)
    {
        var settings = new Dictionary<string, string?> { ["Hospital:Auth:SigningKey"] = HospitalApi.SigningKey };
        if (open is not null)
        {
            settings["Hospital:Auth:IntrospectionOpen"] = open;
        }

        if (role is not null)
        {
            settings["Hospital:Auth:IntrospectionRoles:0"] = role;
        }

        var builder = Microsoft.AspNetCore.Builder.WebApplication.CreateBuilder(new Microsoft.AspNetCore.Builder.WebApplicationOptions { EnvironmentName = environment });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddHospitalData(builder.Configuration);
        builder.Services.AddHospitalGraphQL();
        await using var app = builder.Build();
        var schema = app.Services.GetRequiredService<Schema>();
        System.Security.Claims.ClaimsPrincipal? user = userRole is null
            ? null
            : new(new System.Security.Claims.ClaimsIdentity([new System.Security.Claims.Claim("role", RoleTable.DemoUserRoles[userRole])], "Bearer", "name", "role"));

        Assert.Equal(allowed, await schema.IsIntrospectionAllowedAsync(user, app.Services));
    }

    // ----- probes over the schema -----

    /// <summary>One query per field of patient data, reached through a node (or list) that has the data.</summary>
    private sealed record Probe(string Coordinate, string Query, string[] Path, RoleRow Expected, RoleRow Gate);

    private async Task<List<Probe>> ProbesAsync()
    {
        var ids = await IdsAsync();

        // Where a value of each type of patient data is found, and who may pass the path there.
        var entries = new Dictionary<string, (string Template, string[] Path, RoleRow Gate)>
        {
            ["Patient"] = ($"node(id: \"{ids.Patient}\") {{ ... on Patient {{ % }} }}", ["node"], RoleTable.PatientIdentity),
            ["Address"] = ($"node(id: \"{ids.Patient}\") {{ ... on Patient {{ address {{ % }} }} }}", ["node", "address"], RoleTable.PatientIdentity),
            ["EmergencyContact"] = ($"node(id: \"{ids.Patient}\") {{ ... on Patient {{ emergencyContact {{ % }} }} }}", ["node", "emergencyContact"], RoleTable.PatientIdentity),
            ["Insurance"] = ($"node(id: \"{ids.Patient}\") {{ ... on Patient {{ insurance {{ % }} }} }}", ["node", "insurance"], RoleTable.PatientIdentity),
            ["Allergy"] = ($"node(id: \"{ids.PatientWithAllergies}\") {{ ... on Patient {{ allergies {{ % }} }} }}", ["node", "allergies"], RoleTable.Clinical),
            ["Condition"] = ($"node(id: \"{ids.PatientWithConditions}\") {{ ... on Patient {{ conditions {{ % }} }} }}", ["node", "conditions"], RoleTable.Clinical),
            ["VitalSigns"] = ($"node(id: \"{ids.PatientWithVitals}\") {{ ... on Patient {{ vitals {{ % }} }} }}", ["node", "vitals"], RoleTable.Clinical),
            ["Prescription"] = ($"node(id: \"{ids.PatientWithPrescriptions}\") {{ ... on Patient {{ prescriptions {{ % }} }} }}", ["node", "prescriptions"], RoleTable.Clinical),
            ["Appointment"] = ($"node(id: \"{ids.Appointment}\") {{ ... on Appointment {{ % }} }}", ["node"], RoleTable.Appointments),
            ["WaitlistEntry"] = ("waitlist(first: 1) { nodes { % } }", ["waitlist", "nodes"], RoleTable.Appointments),
            ["Encounter"] = ($"node(id: \"{ids.Encounter}\") {{ ... on Encounter {{ % }} }}", ["node"], RoleTable.Clinical),
            ["Diagnosis"] = ($"node(id: \"{ids.Encounter}\") {{ ... on Encounter {{ diagnoses {{ % }} }} }}", ["node", "diagnoses"], RoleTable.Clinical),
            ["LabOrder"] = ($"node(id: \"{ids.LabOrder}\") {{ ... on LabOrder {{ % }} }}", ["node"], RoleTable.Clinical),
            ["LabResult"] = ($"node(id: \"{ids.LabOrder}\") {{ ... on LabOrder {{ results {{ % }} }} }}", ["node", "results"], RoleTable.Clinical),
            ["LabNote"] = ($"node(id: \"{ids.LabOrderWithNotes}\") {{ ... on LabOrder {{ notes {{ % }} }} }}", ["node", "notes"], RoleTable.Clinical),
            ["Admission"] = ($"node(id: \"{ids.Admission}\") {{ ... on Admission {{ % }} }}", ["node"], RoleTable.Wards),
            ["Bed"] = ($"node(id: \"{ids.Bed}\") {{ ... on Bed {{ % }} }}", ["node"], RoleTable.Wards),
            ["Invoice"] = ($"node(id: \"{ids.Invoice}\") {{ ... on Invoice {{ % }} }}", ["node"], RoleTable.Billing),
            ["InvoiceLine"] = ($"node(id: \"{ids.Invoice}\") {{ ... on Invoice {{ lines {{ % }} }} }}", ["node", "lines"], RoleTable.Billing),
            ["Payment"] = ($"node(id: \"{ids.Invoice}\") {{ ... on Invoice {{ payments {{ % }} }} }}", ["node", "payments"], RoleTable.Billing),
            ["AuditEntry"] = ("auditEntries(first: 5) { nodes { % } }", ["auditEntries", "nodes"], RoleTable.Audit),
            ["BackgroundJob"] = ("jobs { % }", ["jobs"], RoleTable.Jobs),
        };

        // The root fields, with arguments that find something.
        var roots = new Dictionary<string, string>
        {
            ["me"] = "me { userName }",
            ["patients"] = "patients(first: 1) { nodes { id } }",
            ["patient"] = $"patient(id: \"{ids.Patient}\") {{ id }}",
            ["patientByMrn"] = $"patientByMrn(mrn: \"{ids.PatientMrn}\") {{ id }}",
            ["possiblePatientDuplicates"] = $"possiblePatientDuplicates({ids.PatientDuplicateArguments}) {{ id }}",
            ["appointments"] = "appointments(first: 1) { nodes { id } }",
            ["appointment"] = $"appointment(id: \"{ids.Appointment}\") {{ id }}",
            ["waitlist"] = "waitlist(first: 1) { nodes { id } }",
            ["availableSlots"] = $"availableSlots(doctorId: \"{ids.Doctor}\", from: \"2030-01-07T00:00:00Z\", to: \"2030-01-14T00:00:00Z\") {{ startsAt doctor {{ id }} }}",
            ["appointmentStatistics"] = "appointmentStatistics(from: \"2000-01-01T00:00:00Z\", to: \"2100-01-01T00:00:00Z\") { total }",
            ["bedOccupancy"] = "bedOccupancy { beds { total } }",
            ["auditEntries"] = "auditEntries(first: 1) { nodes { id } }",
            ["jobs"] = "jobs { name }",
            ["notifications"] = "notifications(first: 1) { nodes { id } }",
            ["invoices"] = "invoices(first: 1) { nodes { id } }",
            ["invoice"] = $"invoice(id: \"{ids.Invoice}\") {{ id }}",
            ["encounters"] = "encounters(first: 1) { nodes { id } }",
            ["encounter"] = $"encounter(id: \"{ids.Encounter}\") {{ id }}",
            ["labOrders"] = "labOrders(first: 1) { nodes { id } }",
            ["labOrder"] = $"labOrder(id: \"{ids.LabOrder}\") {{ id }}",
            ["staff"] = "staff(first: 1) { nodes { id } }",
            ["staffMember"] = $"staffMember(id: \"{ids.Doctor}\") {{ id }}",
            ["doctors"] = "doctors(first: 1) { nodes { id } }",
            ["doctor"] = $"doctor(id: \"{ids.Doctor}\") {{ id }}",
            ["departments"] = "departments { id }",
            ["department"] = $"department(id: \"{ids.Department}\") {{ id }}",
            ["specialties"] = "specialties { name }",
            ["wards"] = "wards { id }",
            ["ward"] = $"ward(id: \"{ids.Ward}\") {{ id }}",
            ["beds"] = "beds(take: 1) { items { id } }",
            ["bed"] = $"bed(id: \"{ids.Bed}\") {{ id }}",
            ["admissions"] = "admissions(first: 1) { nodes { id } }",
            ["admission"] = $"admission(id: \"{ids.Admission}\") {{ id }}",
        };

        var schema = api.Services.GetRequiredService<Schema>();
        var query = (ObjectType)schema.QueryType;
        var unlisted = query.Fields.Select(f => f.Name).Where(n => n is not ("node" or "nodes") && !roots.ContainsKey(n)).ToList();
        Assert.True(unlisted.Count == 0, "Root fields without a probe (add them to the role table test): " + string.Join(", ", unlisted));
        var types = schema.Types.Values.OfType<ObjectType>().Where(t => entries.ContainsKey(t.Name)).ToList();
        Assert.Equal(entries.Keys.Order(), types.Select(t => t.Name).Order());

        var probes = new List<Probe>();
        foreach (var (name, selection) in roots)
        {
            var field = query.Fields.Find(name)!;
            var expected = RoleTable.Value("Query", name, field.Type.Named.Name)!;
            probes.Add(new Probe($"Query.{name}", $"{{ {selection} }}", [name], expected, RoleTable.Open));
        }

        foreach (var type in types)
        {
            var (template, path, gate) = entries[type.Name];
            foreach (var field in type.Fields)
            {
                var selection = field.Name + (field.Type.Named is ComplexType or UnionType ? " { __typename }" : "");
                var expected = RoleTable.Value(type.Name, field.Name, field.Type.Named.Name)
                    ?? throw new InvalidOperationException($"{type.Name}.{field.Name} is not in the role table.");
                probes.Add(new Probe($"{type.Name}.{field.Name}", "{ " + template.Replace("%", selection, StringComparison.Ordinal) + " }", [.. path, field.Name], expected, gate));
            }
        }

        return probes;
    }

    /// <summary>What is wrong with a probe's result for <paramref name="role"/> (null: anonymous); empty when it is right.</summary>
    private static IEnumerable<string> Judge(JsonObject result, Probe probe, string? role)
    {
        var allowed = probe.Expected.Allows(role) && probe.Gate.Allows(role);
        if (allowed)
        {
            if (result["errors"] is not null)
            {
                yield return $"{probe.Coordinate}: {probe.Expected} should be readable, got {result["errors"]!.ToJsonString()}";
            }
            else if (!Reaches(result["data"], probe.Path[..^1]))
            {
                yield return $"{probe.Coordinate}: the probe found no value at {string.Join(".", probe.Path[..^1])} (choose data that has one)";
            }
        }
        else if (!IsDenied(result, probe.Path, role))
        {
            yield return $"{probe.Coordinate}: {probe.Expected} should be hidden, got {result.ToJsonString()}";
        }
    }

    private static IEnumerable<string> JudgeRoot(JsonObject? result, string field, RoleRow expected, string? role)
    {
        if (result is null)
        {
            yield return $"{field}: no answer";
        }
        else if (expected.Allows(role))
        {
            if (result["errors"] is not null || result["data"]?[field] is null)
            {
                yield return $"{field}: {expected} should be readable, got {result.ToJsonString()}";
            }
        }
        else if (!IsDenied(result, [field], role))
        {
            yield return $"{field}: {expected} should be hidden, got {result.ToJsonString()}";
        }
    }

    /// <summary>
    /// Hidden: no value along <paramref name="path"/>, and an error with the code for this caller (not signed in, or not
    /// allowed) at the path or above it; no other kind of error.
    /// </summary>
    private static bool IsDenied(JsonObject result, string[] path, string? role)
    {
        var code = role is null ? ErrorCodes.NotAuthenticated : ErrorCodes.NotAuthorized;
        var errors = result["errors"]?.AsArray() ?? [];
        var atOrAbove = errors.Any(e =>
        {
            var at = (e!["path"]?.AsArray() ?? []).Where(s => s!.GetValueKind() == System.Text.Json.JsonValueKind.String).Select(s => (string)s!).ToArray();
            return (string?)e["extensions"]?["code"] == code && at.Length <= path.Length && at.SequenceEqual(path[..at.Length]);
        });
        return atOrAbove
            && errors.All(e => (string?)e!["extensions"]?["code"] == code)
            && !Reaches(result["data"], path);
    }

    /// <summary>Whether there is a non-null value at <paramref name="path"/> (in any element of the lists on the way).</summary>
    private static bool Reaches(JsonNode? node, ReadOnlySpan<string> path)
    {
        switch (node)
        {
            case null:
                return false;
            case JsonArray list:
                foreach (var item in list)
                {
                    if (Reaches(item, path))
                    {
                        return true;
                    }
                }

                return false;
            case JsonObject map when path.Length > 0:
                return Reaches(map[path[0]], path[1..]);
            default:
                return path.Length == 0;
        }
    }

    // ----- data and callers -----

    private async Task<(string? Token, string? Role)> CallerAsync(string user) =>
        user.Length == 0 ? (null, null) : (await api.AccessTokenAsync(user), RoleTable.DemoUserRoles[user]);

    /// <summary>Global ids of records that have the data each probe looks for.</summary>
    private static string Missing(string type) => NodeIds.Encode(type, 987654);

    private sealed record Ids(
        string Patient, string PatientMrn, string PatientWithAllergies, string PatientWithConditions, string PatientWithVitals, string PatientWithPrescriptions,
        string Appointment, string OthersAppointment, string Encounter, string LabOrder, string LabOrderWithNotes, string Admission, string Bed, string Invoice,
        string Doctor, string Department, string Ward, string MissingAppointment, string MissingPatient, string MissingLabOrder, string MissingBed,
        string PatientDuplicateArguments);

    /// <summary>Database keys of the entities the subscription probes announce.</summary>
    private sealed record Keys(long Appointment, long LabOrder, long LabResult, long LabNote, long Bed);

    private async Task<Ids> IdsAsync()
    {
        await using var db = await api.Services.GetRequiredService<IDbContextFactory<HospitalDbContext>>().CreateDbContextAsync(Ct);
        await EnsureAuditEntryAsync(db);
        var patient = (await db.Patients.AsNoTracking().OrderBy(p => p.Id).ToListAsync(Ct)).First(p => p.Address is not null && p.EmergencyContact is not null && p.Insurance is not null);
        var demoDoctor = await db.Users.Where(u => u.UserName == "doctor").Select(u => u.StaffMemberId).SingleAsync(Ct);
        var admission = await db.Admissions.Where(a => a.DischargedAt == null).OrderBy(a => a.Id).FirstAsync(Ct);
        var labOrder = await db.LabResults.OrderBy(r => r.Id).Select(r => r.LabOrderId).FirstAsync(Ct);
        return new Ids(
            NodeIds.Encode("Patient", patient.Id),
            patient.Mrn,
            NodeIds.Encode("Patient", await db.Allergies.OrderBy(a => a.Id).Select(a => a.PatientId).FirstAsync(Ct)),
            NodeIds.Encode("Patient", await db.Conditions.OrderBy(c => c.Id).Select(c => c.PatientId).FirstAsync(Ct)),
            NodeIds.Encode("Patient", await db.VitalSigns.OrderBy(v => v.Id).Select(v => v.PatientId).FirstAsync(Ct)),
            NodeIds.Encode("Patient", await db.Prescriptions.OrderBy(p => p.Id).Select(p => p.PatientId).FirstAsync(Ct)),
            NodeIds.Encode("Appointment", await db.Encounters.Where(e => e.AppointmentId != null).OrderBy(e => e.Id).Select(e => e.AppointmentId!.Value).FirstAsync(Ct)),
            NodeIds.Encode("Appointment", await db.Appointments.Where(a => a.Status == AppointmentStatus.CheckedIn || a.Status == AppointmentStatus.Scheduled).Where(a => a.DoctorId != demoDoctor).OrderBy(a => a.Id).Select(a => a.Id).FirstAsync(Ct)),
            NodeIds.Encode("Encounter", await db.Diagnoses.OrderBy(d => d.Id).Select(d => d.EncounterId).FirstAsync(Ct)),
            NodeIds.Encode("LabOrder", labOrder),
            NodeIds.Encode("LabOrder", await db.LabNotes.OrderBy(n => n.Id).Select(n => n.LabOrderId).FirstAsync(Ct)),
            NodeIds.Encode("Admission", admission.Id),
            NodeIds.Encode("Bed", admission.BedId),
            NodeIds.Encode("Invoice", await db.Invoices.Where(i => i.EncounterId != null && db.Payments.Any(p => p.InvoiceId == i.Id)).OrderBy(i => i.Id).Select(i => i.Id).FirstAsync(Ct)),
            NodeIds.Encode("Doctor", await db.Doctors.OrderBy(d => d.Id).Select(d => d.Id).FirstAsync(Ct)),
            NodeIds.Encode("Department", await db.Departments.OrderBy(d => d.Id).Select(d => d.Id).FirstAsync(Ct)),
            NodeIds.Encode("Ward", await db.Wards.OrderBy(w => w.Id).Select(w => w.Id).FirstAsync(Ct)),
            NodeIds.Encode("Appointment", 987654),
            NodeIds.Encode("Patient", 987654),
            NodeIds.Encode("LabOrder", 987654),
            NodeIds.Encode("Bed", 987654),
            $"firstName: \"{patient.FirstName}\", lastName: \"{patient.LastName}\", dateOfBirth: \"{patient.DateOfBirth:yyyy-MM-dd}\"");
    }

    private async Task<Keys> KeysAsync()
    {
        await using var db = await api.Services.GetRequiredService<IDbContextFactory<HospitalDbContext>>().CreateDbContextAsync(Ct);
        return new Keys(
            await db.Appointments.OrderBy(a => a.Id).Select(a => a.Id).FirstAsync(Ct),
            await db.LabOrders.OrderBy(o => o.Id).Select(o => o.Id).FirstAsync(Ct),
            await db.LabResults.OrderBy(r => r.Id).Select(r => r.Id).FirstAsync(Ct),
            await db.LabNotes.OrderBy(n => n.Id).Select(n => n.Id).FirstAsync(Ct),
            await db.Beds.OrderBy(b => b.Id).Select(b => b.Id).FirstAsync(Ct));
    }

    /// <summary>The demo data has no audit log yet; one entry about a patient gives the audit probes something to hide.</summary>
    private static async Task EnsureAuditEntryAsync(HospitalDbContext db)
    {
        if (!await db.AuditEntries.AnyAsync(Ct))
        {
            db.AuditEntries.Add(new AuditEntry
            {
                UserName = "doctor",
                Action = Enum.GetValues<AuditAction>()[0],
                EntityType = "Patient",
                EntityKey = "1",
                PatientId = 1,
                Fields = "allergies",
                OccurredAt = DateTime.UtcNow,
            });
            await db.SaveChangesAsync(Ct);
        }
    }

    /// <summary>As another process would: a row in the outbox and nothing else; the relay's polling publishes it.</summary>
    private async Task PublishFromOutboxAsync(string topic, long entity)
    {
        await using var db = await api.Services.GetRequiredService<IDbContextFactory<HospitalDbContext>>().CreateDbContextAsync(Ct);
        await db.Database.ExecuteSqlRawAsync(
            "INSERT INTO outbox_messages (topic, entity_id, scope, occurred_at) VALUES ({0}, {1}, NULL, {2})",
            [topic, entity, DateTime.UtcNow],
            Ct);
    }

    private int Listening(string topic) => api.Services.GetRequiredService<Gql.Server.Subscriptions.InMemoryTopicEvents>().SubscriberCount(topic);

    private async Task WaitForSubscriberAsync(string topic, int before)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (Listening(topic) <= before)
        {
            Assert.True(DateTime.UtcNow < deadline, $"Nobody listened on {topic}.");
            await Task.Delay(20, Ct);
        }
    }
}
