using System.Runtime.CompilerServices;
using System.Security.Claims;
using System.Threading.Channels;
using Gql.Server.Authorization;
using Gql.Data;
using Gql.Server.Execution;
using Gql.Server.Relay;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection;
using AllowAnonymousAttribute = Gql.Server.Authorization.AllowAnonymousAttribute;
using AuthorizeAttribute = Gql.Server.Authorization.AuthorizeAttribute;

namespace Gql.Server.Tests.Authorization;

// Every value only an authorized user may see contains "SECRET", so leak tests can search the whole response for it.
public abstract class Person
{
    public required string Name { get; init; }
}

public sealed class Patient : Person
{
    public int Id { get; init; }

    /// <summary>The user name of the patient's own account: the OwnRecord policy compares it with the user.</summary>
    public required string Owner { get; init; }

    [Authorize(Roles = ["Doctor"])]
    public string? Diagnosis { get; init; }

    [Authorize(Policy = "OwnRecord")]
    public string? Notes { get; init; }
}

public sealed class Visitor : Person
{
    public int Badge { get; init; }
}

public sealed class Bed
{
    public int Id { get; init; }
    public required string Label { get; init; }
    public Patient? CurrentPatient { get; init; }
}

/// <summary>Counts resolver calls that must not happen for denied users.</summary>
public sealed class SideEffects
{
    public int Discharges;
    public int SecretsRead;
    public int StreamsOpened;
}

/// <summary>The answer of the OnShift policy; tests flip it while a subscription runs.</summary>
public sealed class Shift
{
    public volatile bool OnDuty = true;
}

/// <summary>The events of the patientChanged subscription, pushed by the test.</summary>
public sealed class Ticker
{
    public Channel<int> Events { get; } = Channel.CreateUnbounded<int>();
}

public static class Ward
{
    public static readonly Patient Alice = new() { Id = 1, Name = "SECRET-NAME-Alice", Owner = "alice", Diagnosis = "SECRET-DX-Alice", Notes = "SECRET-NOTES-Alice" };
    public static readonly Patient Bob = new() { Id = 2, Name = "SECRET-NAME-Bob", Owner = "bob", Diagnosis = "SECRET-DX-Bob", Notes = "SECRET-NOTES-Bob" };
    public static readonly List<Patient> Patients = [Alice, Bob];
    public static readonly List<Bed> Beds = [new() { Id = 10, Label = "A-1", CurrentPatient = Alice }, new() { Id = 11, Label = "A-2" }];
    public static readonly List<Person> People = [Alice, new Visitor { Name = "Vera", Badge = 7 }];
}

[ObjectType<Patient>]
[Authorize(Roles = ["Doctor", "Nurse"])]
public static class PatientType
{
    [NodeResolver]
    public static Patient? GetPatientById(int id) => Ward.Patients.FirstOrDefault(p => p.Id == id);
}

[ObjectType<Bed>]
[AllowAnonymous]
public static class BedType
{
    [NodeResolver]
    public static Bed? GetBedById(int id) => Ward.Beds.FirstOrDefault(b => b.Id == id);
}

[QueryType]
public static class WardQueries
{
    [AllowAnonymous]
    public static IEnumerable<Bed> GetBeds() => Ward.Beds;

    [Authorize]
    public static IEnumerable<Person?> GetPeople() => Ward.People;

    [Authorize]
    public static Patient? GetPatient(int id) => Ward.Patients.FirstOrDefault(p => p.Id == id);

    /// <summary>Non-null: a denied patient makes the whole data null.</summary>
    [Authorize]
    public static Patient GetFirstPatient() => Ward.Alice;

    [Authorize]
    public static IEnumerable<Patient> GetPatients() => Ward.Patients;

    [Authorize]
    [UseFiltering]
    [UseSorting]
    public static IEnumerable<Patient> GetSearchPatients() => Ward.Patients;

    [AllowAnonymous]
    [UseFiltering]
    public static IEnumerable<Bed> GetSearchBeds() => Ward.Beds;

    [Authorize(Roles = ["Doctor"])]
    [Authorize(Policy = "OnShift")]
    public static string? GetRota(SideEffects effects)
    {
        effects.SecretsRead++;
        return "SECRET-ROTA";
    }
}

[QueryType]
[Authorize(Roles = ["Admin"])]
public static class AdminQueries
{
    public static int? GetAuditCount(SideEffects effects)
    {
        effects.SecretsRead++;
        return 42;
    }

    [AllowAnonymous]
    public static string GetVersion() => "1.0";
}

[QueryType]
public static class LegacyQueries
{
    [Microsoft.AspNetCore.Authorization.Authorize(Roles = "Admin, Doctor")]
    public static string? GetLegacySecret() => "SECRET-LEGACY";

    [Microsoft.AspNetCore.Authorization.Authorize(Policy = "OnShift")]
    public static string? GetLegacyPolicy() => "SECRET-LEGACY-POLICY";

    [Microsoft.AspNetCore.Authorization.AllowAnonymous]
    public static string GetLegacyOpen() => "open";
}

[MutationType]
public static class WardMutations
{
    [Authorize(Roles = ["Doctor"])]
    public static Bed Discharge(int bedId, SideEffects effects)
    {
        effects.Discharges++;
        return Ward.Beds.Single(b => b.Id == bedId);
    }
}

[SubscriptionType]
public static class WardSubscriptions
{
    [Subscribe(With = nameof(PatientEvents))]
    [Authorize(Policy = "OnShift")]
    public static Patient PatientChanged([EventMessage] int id) => Ward.Patients.Single(p => p.Id == id);

    public static async IAsyncEnumerable<int> PatientEvents(Ticker ticker, SideEffects effects, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        effects.StreamsOpened++;
        await foreach (var id in ticker.Events.Reader.ReadAllAsync(cancellationToken))
        {
            yield return id;
        }
    }
}

/// <summary>Builds the schema, services and users of the authorization tests.</summary>
internal static class AuthorizationTestSchema
{
    public static Schema Build(Action<CodeFirstSchemaBuilder>? configure = null)
    {
        var builder = new CodeFirstSchemaBuilder()
            .AddType(typeof(WardQueries))
            .AddType(typeof(AdminQueries))
            .AddType(typeof(LegacyQueries))
            .AddType(typeof(WardMutations))
            .AddType(typeof(WardSubscriptions))
            .AddType(typeof(PatientType))
            .AddType(typeof(BedType))
            .AddType<Visitor>()
            .UseServiceDetection(t => t == typeof(SideEffects) || t == typeof(Ticker));
        configure?.Invoke(builder);
        return builder.Build();
    }

    public static ServiceProvider Services(SideEffects? effects = null, Shift? shift = null, Ticker? ticker = null)
    {
        shift ??= new Shift();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddAuthorizationCore(options =>
        {
            options.AddPolicy("OwnRecord", p => p.RequireAssertion(c => c.Resource is AuthorizationResource { Instance: Patient patient } && patient.Owner == c.User.Identity?.Name));
            options.AddPolicy("OnShift", p => p.RequireAssertion(_ => shift.OnDuty));
        });
        services.AddSingleton(effects ?? new SideEffects());
        services.AddSingleton(shift);
        services.AddSingleton(ticker ?? new Ticker());
        return services.BuildServiceProvider();
    }

    /// <summary>A signed-in user with a name and roles.</summary>
    public static ClaimsPrincipal User(string name, params string[] roles) =>
        new(new ClaimsIdentity([new Claim(ClaimTypes.Name, name), .. roles.Select(r => new Claim(ClaimTypes.Role, r))], "Test"));

    /// <summary>A user who is not signed in (as ASP.NET Core gives anonymous requests).</summary>
    public static ClaimsPrincipal Anonymous { get; } = new(new ClaimsIdentity());

    public static async Task<ExecutionResult> RunAsync(this Schema schema, string query, ClaimsPrincipal? user, IServiceProvider? services = null, object? variables = null)
    {
        var vars = variables is null ? null : Execution.ExecutionTestHelpers.ToInput(System.Text.Json.JsonSerializer.SerializeToElement(variables)) as IReadOnlyDictionary<string, object?>;
        return await new RequestExecutor(schema).ExecuteAsync(new GraphQLRequest(query, null, vars), new RequestContext { Services = services ?? Services(), User = user }, TestContext.Current.CancellationToken);
    }

    /// <summary>The whole response as JSON: data, and errors with message, path and code.</summary>
    public static string Json(this ExecutionResult result) => System.Text.Json.JsonSerializer.Serialize(new
    {
        data = result.Data,
        errors = result.Errors?.Select(e => new { e.Message, path = e.Path, code = e.Code }),
    });

    public static string Codes(this ExecutionResult result) => string.Join(",", result.Errors?.Select(e => $"{string.Join("/", e.Path ?? [])}:{e.Code}") ?? []);
}
