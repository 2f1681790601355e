using Microsoft.CodeAnalysis;

namespace Gql.Client.Generator;

/// <summary>The generator's diagnostics: every invalid operation is a build error at its place in the .graphql file.</summary>
internal static class Diagnostics
{
    private const string Category = "GraphQL";

    public static readonly DiagnosticDescriptor SyntaxError = Error("GQL001", "GraphQL syntax error");
    public static readonly DiagnosticDescriptor UnknownField = Error("GQL002", "Unknown field");
    public static readonly DiagnosticDescriptor UnknownType = Error("GQL003", "Unknown type");
    public static readonly DiagnosticDescriptor UnknownArgument = Error("GQL004", "Unknown argument");
    public static readonly DiagnosticDescriptor MissingArgument = Error("GQL005", "Missing required argument");
    public static readonly DiagnosticDescriptor UnknownFragment = Error("GQL006", "Unknown fragment");
    public static readonly DiagnosticDescriptor FragmentTypeMismatch = Error("GQL007", "Fragment on a wrong type");
    public static readonly DiagnosticDescriptor InvalidVariableType = Error("GQL008", "Invalid variable type");
    public static readonly DiagnosticDescriptor LeafWithSelection = Error("GQL009", "Leaf field with a selection");
    public static readonly DiagnosticDescriptor MissingSelection = Error("GQL010", "Composite field without a selection");
    public static readonly DiagnosticDescriptor AnonymousOperation = Error("GQL011", "Anonymous operation");
    public static readonly DiagnosticDescriptor DuplicateName = Error("GQL012", "Duplicate operation or fragment name");
    public static readonly DiagnosticDescriptor UndefinedVariable = Error("GQL013", "Undefined variable");
    public static readonly DiagnosticDescriptor FieldConflict = Error("GQL014", "Conflicting fields");
    public static readonly DiagnosticDescriptor FragmentCycle = Error("GQL015", "Fragment cycle");
    public static readonly DiagnosticDescriptor SchemaError = Error("GQL016", "Schema problem");
    public static readonly DiagnosticDescriptor UnsupportedDefinition = Error("GQL017", "Unsupported definition in an operation file");

    private static DiagnosticDescriptor Error(string id, string title) =>
        new DiagnosticDescriptor(id, title, "{0}", Category, DiagnosticSeverity.Error, isEnabledByDefault: true);
}
