using Gql.Server;

namespace Gql.AspNetCore;

/// <summary>
/// Prints a schema as SDL for <c>GET {endpoint}?sdl</c>. Optional: register one as a singleton to replace the default,
/// <see cref="SchemaPrinter.Print(Schema)"/>.
/// </summary>
public interface ISchemaSdlProvider
{
    /// <summary>Returns the SDL of <paramref name="schema"/>. Called once per schema; the text is cached.</summary>
    string GetSdl(Schema schema);
}
