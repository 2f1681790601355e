using Gql.Server.Authorization;
using Microsoft.Extensions.Options;

namespace Hospital.GraphQL.Accounts;

public static class HospitalIntrospectionExtensions
{
    /// <summary>
    /// Introspection (<c>__schema</c>, <c>__type</c>, <c>?sdl</c>, the IDE): open in Development or when
    /// <c>Hospital:Auth:IntrospectionOpen</c>; otherwise only for signed-in users in <c>Hospital:Auth:IntrospectionRoles</c>
    /// (Admin and Analyst by default).
    /// </summary>
    /// <remarks>
    /// The schema builder sees neither configuration nor environment, so the rule is set on the built schema: the
    /// schema's registration is wrapped.
    /// </remarks>
    public static IServiceCollection AddHospitalIntrospectionAccess(this IServiceCollection services)
    {
        var registered = services.LastOrDefault(d => d.ServiceType == typeof(Schema) && d.ImplementationFactory is not null)
            ?? throw new InvalidOperationException("Register the GraphQL server (AddGraphQLServer) before its introspection access.");
        services.Remove(registered);
        services.AddSingleton(sp =>
        {
            var schema = (Schema)registered.ImplementationFactory!(sp);
            return schema.SetIntrospectionAccess(Access(sp.GetRequiredService<IOptions<HospitalAuthOptions>>().Value, sp.GetRequiredService<IHostEnvironment>()));
        });
        return services;
    }

    private static IntrospectionAccess? Access(HospitalAuthOptions options, IHostEnvironment environment)
    {
        if (options.IntrospectionOpen || environment.IsDevelopment())
        {
            return null;
        }

        var roles = options.EffectiveIntrospectionRoles;
        return new IntrospectionAccess(user => user?.Identities.Any(i => i.IsAuthenticated) == true && roles.Any(user.IsInRole));
    }
}
