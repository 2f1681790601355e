using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Hospital.Data;

public static class HospitalDataServiceCollectionExtensions
{
    /// <summary>
    /// Registers a pooled <see cref="IDbContextFactory{HospitalDbContext}"/> for the configured provider, the
    /// <see cref="HospitalDataOptions"/> and the <see cref="SchemaManager"/>. Contexts are created per operation.
    /// </summary>
    public static IServiceCollection AddHospitalData(this IServiceCollection services, IConfiguration configuration)
    {
        var options = HospitalDataOptions.FromConfiguration(configuration);
        services.AddSingleton(options);
        services.AddPooledDbContextFactory<HospitalDbContext>((sp, builder) =>
        {
            options.Configure(builder);

            // One interceptor owns a save's transaction: the outbox's rows and the audit entries commit (or roll back) with the change.
            builder.AddInterceptors(sp.GetRequiredService<Saving.SaveInterceptor>());

            // Diagnostics (tests counting SQL statements, tracing) plug in by registering interceptors.
            builder.AddInterceptors(sp.GetServices<Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor>());
        });
        services.AddSingleton<SchemaManager>();
        KeyRing.Register(services);
        services.AddSingleton<Outbox.OutboxSignal>();
        services.AddSingleton<Saving.ISaveParticipant, Audit.AuditParticipant>();
        services.AddSingleton<Saving.ISaveParticipant, Outbox.OutboxParticipant>();
        services.AddSingleton<Saving.SaveInterceptor>();
        services.TryAddSingleton(TimeProvider.System);
        return services;
    }
}
