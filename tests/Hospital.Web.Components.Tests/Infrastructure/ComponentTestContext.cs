using Gql.Client;
using Hospital.Data;
using Microsoft.Extensions.DependencyInjection;
using Radzen;

namespace Hospital.Web.Components.Tests.Infrastructure;

/// <summary>
/// A bUnit context set up as <c>AddHospitalWeb</c> sets up the app for components: Radzen's services, the hospital's
/// clock (UTC, a fixed instant) and the generated <c>IHospitalClient</c> over a <see cref="ScriptedTransport"/>.
/// Radzen's JavaScript calls are answered loosely, as there is no browser.
/// </summary>
public abstract class ComponentTestContext : BunitContext
{
    public static readonly DateTimeOffset Now = new(2026, 11, 18, 9, 30, 0, TimeSpan.Zero);

    protected ComponentTestContext()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddRadzenComponents();
        Services.AddSingleton<TimeProvider>(new FixedClock(Now));
        Services.AddSingleton(new HospitalDataOptions(DatabaseProvider.Sqlite, "Data Source=:memory:", TimeZoneInfo.Utc));
        Services.AddSingleton<HospitalTime>();
        Services.AddHospitalClient().UseTransport(_ => Server);
    }

    protected ScriptedTransport Server { get; } = new();

    /// <summary>
    /// Signs a user with <paramref name="roles"/> in (the cascading authentication state components read), as staff
    /// member 3: the doctor of the test appointments (<c>AppointmentJson</c>).
    /// </summary>
    protected void SignInAs(params string[] roles) => SignInAsStaffMember("3", roles);

    /// <summary>Signs a user in as staff member <paramref name="staffMember"/> with <paramref name="roles"/>.</summary>
    protected void SignInAsStaffMember(string staffMember, params string[] roles)
    {
        var authorization = AddAuthorization();
        authorization.SetAuthorized("someone");
        authorization.SetRoles(roles);
        authorization.SetClaims(new System.Security.Claims.Claim(Hospital.GraphQL.Accounts.HospitalClaims.StaffMemberId, staffMember));
    }

    protected NotificationService Notifications => Services.GetRequiredService<NotificationService>();

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
