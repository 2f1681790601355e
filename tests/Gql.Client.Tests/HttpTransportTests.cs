using System.Text;
using Gql.Client.Http;
using Gql.Client.InProcess;
using Gql.Client.Tests.GraphQL;
using Gql.Client.Tests.Infrastructure;
using Gql.Server;
using Gql.AspNetCore;
using Gql.Server.Execution;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using ServerObjectType = Gql.Server.Types.ObjectType;

namespace Gql.Client.Tests;

/// <summary>The generated client over HTTP against our real engine (Gql.Server), and transport failures against canned answers.</summary>
public class HttpTransportTests
{
    private static Dictionary<string, object?> Obj(string type, params (string Name, object? Value)[] fields)
    {
        var map = new Dictionary<string, object?> { ["__type"] = type };
        foreach (var (name, value) in fields)
        {
            map[name] = value;
        }

        return map;
    }

    private static Dictionary<string, object?> Doctor(int id) =>
        Obj("Doctor", ("id", id), ("fullName", "Dr. House"), ("specialty", "Diagnostics"), ("department", Obj("Department", ("id", 4), ("name", "Medicine"))));

    private static Dictionary<string, object?> Patient(int id) => Obj(
        "Patient",
        ("id", id),
        ("mrn", "MRN-" + id),
        ("fullName", "Ada Lovelace"),
        ("birthDate", new DateOnly(1815, 12, 10)),
        ("sex", "FEMALE"),
        ("allergies", new[] { "Penicillin" }),
        ("nicknames", new[] { "Ada", null }),
        ("balance", 12.5m),
        ("externalId", Guid.Parse("6f9619ff-8b86-d011-b42d-00c04fc964ff")),
        ("visits", 5_000_000_000L),
        ("metadata", new Dictionary<string, object?> { ["vip"] = true }),
        ("appointments", new[]
        {
            Obj("Appointment", ("id", 1), ("startsAt", new DateTimeOffset(2025, 3, 1, 9, 30, 0, TimeSpan.Zero)), ("dailyAt", new TimeOnly(8, 15)), ("status", "SCHEDULED"), ("doctor", Doctor(3))),
        }));

    private static async Task<TestServer> StartGraphQLServerAsync()
    {
        var schema = await BuildSchemaAsync();
        return await TestServer.StartAsync(
            services => services.AddSingleton<IRequestExecutor>(new RequestExecutor(schema, new ExecutorOptions())),
            app => app.MapGraphQL());
    }

    private static async Task<Schema> BuildSchemaAsync()
    {
        var sdl = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "GraphQL", "schema.graphql"), TestContext.Current.CancellationToken);
        var resolvers = new Dictionary<string, IReadOnlyDictionary<string, FieldResolver>>
        {
            ["Query"] = new Dictionary<string, FieldResolver>
            {
                ["patient"] = ctx => ValueTask.FromResult<object?>((int)ctx.Arguments["id"]! == 404 ? null : Patient((int)ctx.Arguments["id"]!)),
                ["staff"] = _ => ValueTask.FromResult<object?>(new object[] { Doctor(3), Obj("Nurse", ("id", 5), ("fullName", "Joy"), ("department", null), ("ward", "3B")) }),
            },
            ["Mutation"] = new Dictionary<string, FieldResolver>
            {
                ["bookAppointment"] = ctx =>
                {
                    var input = (IReadOnlyDictionary<string, object?>)ctx.Arguments["input"]!;
                    var taken = input.TryGetValue("reason", out var reason) && (string?)reason == "taken";
                    return ValueTask.FromResult<object?>(taken
                        ? Obj("BookAppointmentPayload", ("appointment", null), ("errors", new[] { Obj("SlotTakenError", ("message", "The slot is taken."), ("conflictingAppointmentId", 99)) }))
                        : Obj("BookAppointmentPayload", ("errors", null), ("appointment", Obj(
                            "Appointment",
                            ("id", ((int)input["patientId"]! * 100) + (int)input["doctorId"]! + (int)input["priority"]!),
                            ("status", "SCHEDULED"),
                            ("startsAt", input["startsAt"])))));
                },
            },
        };
        var schema = SchemaBuilder.FromSdl(sdl, resolvers);
        foreach (var name in new[] { "Doctor", "Nurse", "Patient", "SlotTakenError", "PatientNotFoundError" })
        {
            ((ServerObjectType)schema.FindType(name)!).IsTypeOf = v => v is IReadOnlyDictionary<string, object?> map && map.TryGetValue("__type", out var t) && (string?)t == name;
        }

        return schema;
    }

    private static ServiceProvider ClientServices(Uri endpoint, Action<HttpClient>? configure = null)
    {
        var services = new ServiceCollection();
        services.AddClinicClient().ConfigureHttpClient(c =>
        {
            c.BaseAddress = endpoint;
            configure?.Invoke(c);
        });
        return services.BuildServiceProvider();
    }

    [Fact]
    public async Task AQuery_RunsEndToEnd_AgainstTheRealEngine()
    {
        await using var server = await StartGraphQLServerAsync();
        await using var services = ClientServices(new Uri(server.Address, "/graphql"));
        var client = services.GetRequiredService<IClinicClient>();

        var result = await client.GetPatient.ExecuteAsync(7, TestContext.Current.CancellationToken);

        Assert.Empty(result.Errors);
        var patient = result.Data!.Patient!;
        Assert.Equal("MRN-7", patient.Mrn);
        Assert.Equal(new DateOnly(1815, 12, 10), patient.BirthDate);
        Assert.Equal(Sex.Female, patient.Sex);
        Assert.Equal(["Ada", null], patient.Nicknames!);
        Assert.Equal(12.5m, patient.Balance);
        Assert.Equal(5_000_000_000L, patient.Visits);
        Assert.True(patient.Metadata!.Value.GetProperty("vip").GetBoolean());
        var appointment = Assert.Single(patient.Appointments);
        Assert.Equal(new DateTimeOffset(2025, 3, 1, 9, 30, 0, TimeSpan.Zero), appointment.StartsAt);
        Assert.Equal(new TimeOnly(8, 15), appointment.DailyAt);
        Assert.Equal("Diagnostics", Assert.IsAssignableFrom<IGetPatient_Patient_Appointments_Doctor_Doctor>(appointment.Doctor).Specialty);

        var missing = await services.GetRequiredService<IGetPatientQuery>().ExecuteAsync(404, TestContext.Current.CancellationToken);
        Assert.True(missing.IsSuccess);
        Assert.Null(missing.Data!.Patient);
    }

    [Fact]
    public async Task InProcessTransport_RunsOperations_WithoutHttp()
    {
        var services = new ServiceCollection();
        services.AddSingleton<IRequestExecutor>(new RequestExecutor(await BuildSchemaAsync()));
        services.AddClinicClient().UseInProcessTransport();
        await using var provider = services.BuildServiceProvider();
        var client = provider.GetRequiredService<IClinicClient>();

        var found = await client.GetPatient.ExecuteAsync(7, TestContext.Current.CancellationToken);
        var missing = await client.GetPatient.ExecuteAsync(404, TestContext.Current.CancellationToken);

        Assert.Empty(found.Errors);
        Assert.Equal("MRN-7", found.Data!.Patient!.Mrn);
        Assert.Equal(5_000_000_000L, found.Data.Patient.Visits);
        Assert.True(missing.IsSuccess);
        Assert.Null(missing.Data!.Patient);
    }

    [Fact]
    public async Task AbstractTypes_AndMutationsWithInputObjects_RunEndToEnd()
    {
        await using var server = await StartGraphQLServerAsync();
        await using var services = ClientServices(new Uri(server.Address, "/graphql"));
        var client = services.GetRequiredService<IClinicClient>();
        var ct = TestContext.Current.CancellationToken;

        var staff = (await client.GetStaff.ExecuteAsync(ct)).EnsureNoErrors().Staff;
        Assert.Equal(4, Assert.IsType<GetStaff_Staff_Doctor>(staff[0]).Department!.Id);
        Assert.Equal("3B", Assert.IsType<GetStaff_Staff_Nurse>(staff[1]).Ward);

        var startsAt = new DateTimeOffset(2025, 3, 1, 9, 30, 0, TimeSpan.Zero);
        var booked = await client.BookAppointment.ExecuteAsync(new BookAppointmentInput { PatientId = 7, DoctorId = 3, StartsAt = startsAt }, ct);
        Assert.True(booked.IsSuccess);
        Assert.Equal(704, booked.Data!.BookAppointment.Appointment!.Id); // 7*100 + 3 + the server's default priority 1
        Assert.Equal(startsAt, booked.Data.BookAppointment.Appointment.StartsAt);
        Assert.Null(booked.Data.BookAppointment.Errors);

        var taken = await client.BookAppointment.ExecuteAsync(new BookAppointmentInput { PatientId = 7, DoctorId = 3, StartsAt = startsAt, Reason = "taken" }, ct);
        var error = Assert.Single(taken.Data!.BookAppointment.Errors!);
        Assert.Equal("The slot is taken.", Assert.IsAssignableFrom<IBookAppointment_BookAppointment_Errors_SlotTakenError>(error).Message);
        Assert.Equal(99, ((IBookAppointment_BookAppointment_Errors_SlotTakenError)error).ConflictingAppointmentId);

        // The errors are typed: a switch on the generated interfaces, and the shared fragment for the words.
        var described = error switch
        {
            IBookAppointment_BookAppointment_Errors_SlotTakenError slot => $"taken by {slot.ConflictingAppointmentId}",
            IErrorMessage other => other.Message,
            _ => "unknown",
        };
        Assert.Equal("taken by 99", described);
        Assert.Equal("The slot is taken.", Assert.IsAssignableFrom<IErrorMessage>(error).Message);
    }

    [Fact]
    public async Task ServerErrors_BecomeTypedErrors()
    {
        await using var server = await StartGraphQLServerAsync();
        using var http = new HttpClient { BaseAddress = new Uri(server.Address, "/graphql") };
        var transport = new HttpGraphQLTransport(http);

        // A document the server rejects (400 with a GraphQL response): errors, no data, no exception.
        using var response = await transport.ExecuteAsync(new GraphQLOperationRequest("query Q { nope }", "Q"), TestContext.Current.CancellationToken);
        var result = OperationResultFactory.Create(response, GetStaffResultReader.Read);

        Assert.Equal(400, response.StatusCode);
        Assert.Null(result.Data);
        Assert.Contains("Cannot query field \"nope\" on type \"Query\".", result.Errors.Select(e => e.Message));
    }

    [Fact]
    public async Task HttpFailures_BecomeResults_WithHttpOrNetworkErrorCodes()
    {
        await using var server = await TestServer.StartAsync(_ => { }, app =>
        {
            app.MapPost("/500", (HttpContext c) => Results.Text("boom", "text/plain", statusCode: 500));
            app.MapPost("/html", () => Results.Text("<html/>", "text/html"));
        });
        var ct = TestContext.Current.CancellationToken;

        await using (var services = ClientServices(new Uri(server.Address, "/500")))
        {
            var result = await services.GetRequiredService<IClinicClient>().GetStaff.ExecuteAsync(ct);
            var error = Assert.Single(result.Errors);
            Assert.Equal(ClientErrorCodes.HttpError, error.Code);
            Assert.Equal(500, error.Extensions!["statusCode"].GetInt32());
            Assert.False(result.IsSuccess);
        }

        await using (var services = ClientServices(new Uri(server.Address, "/html")))
        {
            var result = await services.GetRequiredService<IClinicClient>().GetStaff.ExecuteAsync(ct);
            Assert.Equal(ClientErrorCodes.InvalidResponse, Assert.Single(result.Errors).Code);
        }

        // Nothing listens on port 1 of the loopback address.
        await using (var services = ClientServices(new Uri("http://127.0.0.1:1/graphql")))
        {
            var result = await services.GetRequiredService<IClinicClient>().GetStaff.ExecuteAsync(ct);
            var error = Assert.Single(result.Errors);
            Assert.Equal(ClientErrorCodes.NetworkError, error.Code);
            Assert.NotNull(error.Exception);
        }
    }

    [Fact]
    public async Task Cancellation_StillThrows()
    {
        await using var server = await TestServer.StartAsync(_ => { }, app =>
            app.MapPost("/slow", async (HttpContext c) =>
            {
                await Task.Delay(TimeSpan.FromSeconds(10), c.RequestAborted);
                return Results.Text("{}", "application/json");
            }));
        await using var services = ClientServices(new Uri(server.Address, "/slow"));
        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        cancellation.CancelAfter(TimeSpan.FromMilliseconds(200));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => services.GetRequiredService<IClinicClient>().GetStaff.ExecuteAsync(cancellation.Token));
    }

    [Fact]
    public async Task TheRequest_IsGraphQLOverHttp()
    {
        string? contentType = null, accept = null, body = null;
        await using var server = await TestServer.StartAsync(_ => { }, app =>
            app.MapPost("/graphql", async (HttpContext c) =>
            {
                contentType = c.Request.ContentType;
                accept = c.Request.Headers.Accept.ToString();
                body = await new StreamReader(c.Request.Body, Encoding.UTF8).ReadToEndAsync(c.RequestAborted);
                return Results.Text("""{"data":{"staff":[]}}""", "application/graphql-response+json");
            }));
        await using var services = ClientServices(new Uri(server.Address, "/graphql"));

        var result = await services.GetRequiredService<IClinicClient>().GetPatients.ExecuteAsync(take: 3, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal("application/json; charset=utf-8", contentType);
        Assert.Equal("application/graphql-response+json, application/json; q=0.9", accept);
        Assert.StartsWith("""{"query":"query GetPatients($take: Int, $sex: Sex) {""", body, StringComparison.Ordinal);
        Assert.EndsWith(""","operationName":"GetPatients","variables":{"take":3}}""", body, StringComparison.Ordinal);
        Assert.Equal(ClientErrorCodes.DeserializationError, Assert.Single(result.Errors).Code); // canned data lacks "patients"
    }

    [Fact]
    public async Task Subscriptions_StreamServerSentEvents_IntoTypedResults()
    {
        await using var server = await TestServer.StartAsync(_ => { }, app =>
            app.MapPost("/graphql", async (HttpContext c) =>
            {
                c.Response.ContentType = "text/event-stream";
                await c.Response.WriteAsync(
                    "event: next\ndata: {\"data\":{\"appointmentChanged\":{\"id\":1,\"status\":\"CHECKED_IN\"}}}\n\n" +
                    ": keep-alive\n\n" +
                    "event: next\ndata: {\"data\":{\"appointmentChanged\":{\"id\":1,\"status\":\"COMPLETED\"}}}\n\n" +
                    "event: complete\n\n",
                    c.RequestAborted);
            }));
        await using var services = ClientServices(new Uri(server.Address, "/graphql"));

        var statuses = new List<AppointmentStatus>();
        await foreach (var result in services.GetRequiredService<IClinicClient>().OnAppointmentChanged.Watch(doctorId: 3, cancellationToken: TestContext.Current.CancellationToken))
        {
            statuses.Add(result.EnsureNoErrors().AppointmentChanged.Status);
        }

        Assert.Equal([AppointmentStatus.CheckedIn, AppointmentStatus.Completed], statuses);
    }
}
