using Gql.Data;
using Gql.Server;
using Gql.AspNetCore;
using Hospital.Data;
using Hospital.GraphQL.Accounts;
using Hospital.GraphQL.Jobs;
using Hospital.GraphQL.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Hospital.GraphQL;

public static class HospitalGraphQLExtensions
{
    /// <summary>
    /// The hospital API: the code-first schema of this assembly, its DataLoaders, one DbContext per resolver call
    /// (from the pooled factory, so concurrent resolvers never share one), and health checks.
    /// </summary>
    public static IServiceCollection AddHospitalGraphQL(this IServiceCollection services)
    {
        services.AddGraphQLServer(builder =>
        {
            builder
                .AddTypes(typeof(HospitalGraphQLExtensions).Assembly)
                .AddMutationConventions()
                .RequireAuthorization()
                .AddResolverScoped(sp => sp.GetRequiredService<IDbContextFactory<HospitalDbContext>>().CreateDbContext());
        }, sp => Limits.GraphQLLimits.From(sp.GetRequiredService<IConfiguration>())
            .ToExecutorOptions(sp.GetRequiredService<IHostEnvironment>().IsDevelopment()));
        services.AddHospitalAccounts();
        services.AddOptions<Audit.AuditOptions>().BindConfiguration(Audit.AuditOptions.Section);
        services.AddHttpContextAccessor();
        services.TryAddSingleton<Audit.AuditLog>();
        services.TryAddSingleton<Audit.AuditReadBatcher>();
        services.TryAddScoped<Gql.Server.Execution.IExecutionObserver, Audit.AuditObserver>();
        services.AddHospitalIntrospectionAccess();
        services.AddInMemorySubscriptions();
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<Billing.BillingOptions>().BindConfiguration(Billing.BillingOptions.Section);
        services.AddOptions<Appointments.SchedulingOptions>().BindConfiguration(Appointments.SchedulingOptions.Section);
        services.AddSingleton<Appointments.Scheduler>();
        services.AddHostedService<Live.OutboxRelay>();
        services.AddHostedService<Live.OutboxListener>();
        services.AddHospitalJobs();
        services.AddChangeLoader(db => db.Appointments.Include(a => a.Doctor), a => a.Id);
        services.AddChangeLoader(db => db.Beds, b => b.Id);
        services.AddChangeLoader(db => db.LabOrders, o => o.Id);
        services.AddChangeLoader(db => db.LabResults.Include(r => r.LabOrder), r => r.Id);
        services.AddChangeLoader(db => db.LabNotes.Include(n => n.LabOrder), n => n.Id);
        services.AddChangeLoader(db => db.WaitlistEntries, e => e.Id);
        services.AddDataLoaders(typeof(HospitalGraphQLExtensions).Assembly);
        services.AddGraphQLEntityFramework();
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database", tags: ["ready"]);
        return services;
    }

    /// <summary>The shared loader of one entity type's change events (see <see cref="Live.ChangeLoader{T}"/>).</summary>
    private static void AddChangeLoader<T>(this IServiceCollection services, Func<HospitalDbContext, IQueryable<T>> query, System.Linq.Expressions.Expression<Func<T, int>> key)
        where T : class =>
        services.AddSingleton(sp => new Live.ChangeLoader<T>(sp.GetRequiredService<IDbContextFactory<HospitalDbContext>>(), query, key));

    /// <summary>Maps <c>/graphql</c> (API, IDE, <c>?sdl</c>), <c>/healthz</c> (alive) and <c>/healthz/ready</c> (database reachable).</summary>
    public static WebApplication MapHospitalGraphQL(this WebApplication app)
    {
        app.UseHospitalSecurityHeaders();
        app.UseHospitalAuthentication();
        app.MapGraphQL("/graphql", Limits.GraphQLLimits.From(app.Configuration).ApplyTo);
        app.MapHealthChecks("/healthz", new Microsoft.AspNetCore.Diagnostics.HealthChecks.HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/healthz/ready", new Microsoft.AspNetCore.Diagnostics.HealthChecks.HealthCheckOptions { Predicate = c => c.Tags.Contains("ready") });
        return app;
    }
}

/// <summary>Ready when the database answers.</summary>
internal sealed class DatabaseHealthCheck(IDbContextFactory<HospitalDbContext> factory) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var db = await factory.CreateDbContextAsync(cancellationToken);
            return await db.Database.CanConnectAsync(cancellationToken)
                ? HealthCheckResult.Healthy()
                : HealthCheckResult.Unhealthy("The database cannot be reached.");
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy("The database cannot be reached.");
        }
    }
}
