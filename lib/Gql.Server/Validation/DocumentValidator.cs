using Gql.Language.Ast;

namespace Gql.Server.Validation;

/// <summary>Settings for <see cref="DocumentValidator.Validate(Schema, DocumentNode, ValidationOptions?)"/>.</summary>
public sealed class ValidationOptions
{
    /// <summary>The options used when none are given.</summary>
    public static ValidationOptions Default { get; } = new();

    /// <summary>
    /// How many errors are collected before validation stops with a final "Too many validation errors" error
    /// (100, as in graphql-js): a hostile document must not make the server build unbounded error lists.
    /// </summary>
    public int MaxErrors { get; init; } = 100;
}

/// <summary>
/// Checks an executable document against a schema with the rules of the GraphQL specification, section 5
/// ("Validation"), including the draft's <c>@oneOf</c> input objects. Messages are worded as graphql-js 16 words
/// them, so clients and tooling that match on them keep working.
/// </summary>
public static class DocumentValidator
{
    /// <summary>The specified rules, in the order graphql-js runs them (which is the order their errors appear in).</summary>
    internal static IReadOnlyList<Func<ValidationRule>> SpecifiedRules { get; } =
    [
        () => new ExecutableDefinitionsRule(),
        () => new UniqueOperationNamesRule(),
        () => new LoneAnonymousOperationRule(),
        () => new SingleFieldSubscriptionsRule(),
        () => new KnownTypeNamesRule(),
        () => new FragmentsOnCompositeTypesRule(),
        () => new VariablesAreInputTypesRule(),
        () => new ScalarLeafsRule(),
        () => new FieldsOnCorrectTypeRule(),
        () => new UniqueFragmentNamesRule(),
        () => new KnownFragmentNamesRule(),
        () => new NoUnusedFragmentsRule(),
        () => new PossibleFragmentSpreadsRule(),
        () => new NoFragmentCyclesRule(),
        () => new UniqueVariableNamesRule(),
        () => new NoUndefinedVariablesRule(),
        () => new NoUnusedVariablesRule(),
        () => new KnownDirectivesRule(),
        () => new UniqueDirectivesPerLocationRule(),
        () => new KnownArgumentNamesRule(),
        () => new UniqueArgumentNamesRule(),
        () => new ValuesOfCorrectTypeRule(),
        () => new ProvidedRequiredArgumentsRule(),
        () => new VariablesInAllowedPositionRule(),
        () => new OverlappingFieldsCanBeMergedRule(),
        () => new UniqueInputFieldNamesRule(),
    ];

    /// <summary>
    /// Validates <paramref name="document"/> against <paramref name="schema"/>. Returns an empty list when the
    /// document is valid; otherwise one error per violation, each with <c>extensions.code</c>
    /// <c>GRAPHQL_VALIDATION_FAILED</c> and the source locations of the offending nodes.
    /// </summary>
    /// <param name="schema">The schema the document is meant to run against.</param>
    /// <param name="document">The parsed document.</param>
    /// <param name="options">Limits; <see cref="ValidationOptions.Default"/> when null.</param>
    /// <returns>The validation errors, in document order per rule.</returns>
    public static IReadOnlyList<GraphQLError> Validate(Schema schema, DocumentNode document, ValidationOptions? options = null)
    {
        return Validate(schema, document, SpecifiedRules, options);
    }

    /// <summary>Runs only the given rules; the tests use this to check one rule at a time, as graphql-js does.</summary>
    internal static IReadOnlyList<GraphQLError> Validate(Schema schema, DocumentNode document, IReadOnlyList<Func<ValidationRule>> ruleFactories, ValidationOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(document);
        var context = new ValidationContext(schema, document, (options ?? ValidationOptions.Default).MaxErrors);
        var rules = new ValidationRule[ruleFactories.Count];
        for (var i = 0; i < rules.Length; i++)
        {
            rules[i] = ruleFactories[i]();
        }

        try
        {
            new RuleWalker(context, rules).WalkDocument(document);
        }
        catch (ValidationAbortedException)
        {
            // The error that explains the abort has already been added.
        }

        return context.Errors;
    }
}

/// <summary>Unwinds the walk once the error limit or a rule's work budget is exhausted.</summary>
internal sealed class ValidationAbortedException : Exception
{
}
