using Gql.Language.Ast;

namespace Gql.Server.Validation;

/// <summary>5.5.1.2 / 5.8.1: every type named in variable definitions and type conditions exists in the schema.</summary>
internal sealed class KnownTypeNamesRule : ValidationRule
{
    private readonly HashSet<string> definedInDocument = new(StringComparer.Ordinal);

    public override void EnterDocument(ValidationContext context, DocumentNode node)
    {
        // As graphql-js, types the document itself defines count as known (ExecutableDefinitions reports them).
        foreach (var definition in node.Definitions)
        {
            if (definition is TypeDefinitionNode type)
            {
                definedInDocument.Add(type.Name.Value);
            }
        }
    }

    public override void EnterNamedType(ValidationContext context, NamedTypeNode node)
    {
        var name = node.Name.Value;
        if (context.Schema.FindType(name) is not null || definedInDocument.Contains(name))
        {
            return;
        }

        var candidates = new List<string>(context.Schema.Types.Keys);
        candidates.AddRange(definedInDocument);
        context.Report($"Unknown type \"{name}\"." + Suggestions.DidYouMean(Suggestions.SuggestionList(name, candidates)), node);
    }
}
