using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Gql.Language;
using Gql.Language.Ast;
using Microsoft.CodeAnalysis;
using Location = Microsoft.CodeAnalysis.Location;
using Microsoft.CodeAnalysis.Text;

namespace Gql.Client.Generator;

/// <summary>
/// Generates a typed GraphQL client (Strawberry Shake conventions) from the project's <c>schema.graphql</c> and
/// <c>*.graphql</c> operation files, given as AdditionalFiles. Invalid operations are build errors at their place.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class GraphQLClientGenerator : IIncrementalGenerator
{
    /// <inheritdoc />
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var files = context.AdditionalTextsProvider
            .Where(static f => f.Path.EndsWith(".graphql", StringComparison.OrdinalIgnoreCase))
            .Select(static (f, ct) => new GraphQLFile(f.Path, f.GetText(ct)?.ToString() ?? string.Empty))
            .Collect()
            .Select(static (all, _) => new EquatableArray<GraphQLFile>(all.OrderBy(f => f.Path, StringComparer.Ordinal).ToArray()));

        var assemblyName = context.CompilationProvider.Select(static (c, _) => c.AssemblyName ?? "GraphQLClient");
        var settings = context.AnalyzerConfigOptionsProvider
            .Combine(assemblyName)
            .Select(static (pair, _) =>
            {
                var options = pair.Left.GlobalOptions;
                var name = options.TryGetValue("build_property.GqlClientName", out var n) && !string.IsNullOrWhiteSpace(n) ? n.Trim() : "Hospital";
                var root = options.TryGetValue("build_property.RootNamespace", out var r) && !string.IsNullOrWhiteSpace(r) ? r.Trim() : pair.Right;
                var ns = options.TryGetValue("build_property.GqlClientNamespace", out var s) && !string.IsNullOrWhiteSpace(s) ? s.Trim() : root + ".GraphQL";
                return new GeneratorSettings(name, ns);
            });

        context.RegisterSourceOutput(files.Combine(settings), static (spc, input) => Execute(spc, input.Left, input.Right));
    }

    private static void Execute(SourceProductionContext context, EquatableArray<GraphQLFile> files, GeneratorSettings settings)
    {
        var result = Generate(files.Items, settings, context.CancellationToken);
        foreach (var diagnostic in result.Diagnostics)
        {
            context.ReportDiagnostic(diagnostic);
        }

        foreach (var source in result.Sources)
        {
            context.AddSource(source.HintName, SourceText.From(source.Text, System.Text.Encoding.UTF8));
        }
    }

    /// <summary>The whole generation, independent of the Roslyn pipeline (also used by tests).</summary>
    internal static GenerationResult Generate(IReadOnlyList<GraphQLFile> files, GeneratorSettings settings, System.Threading.CancellationToken cancellationToken)
    {
        var result = new GenerationResult();
        var schemaFiles = files.Where(f => IsSchemaFile(f.Path)).ToList();
        var operationFiles = files.Where(f => !IsSchemaFile(f.Path)).ToList();
        if (operationFiles.Count == 0)
        {
            return result;
        }

        if (schemaFiles.Count == 0)
        {
            result.Diagnostics.Add(Diagnostic.Create(Diagnostics.SchemaError, Location.None, "No schema: add the schema as an AdditionalFiles item whose name ends with schema.graphql."));
            return result;
        }

        try
        {
            var schemaDocuments = new List<DocumentNode>();
            foreach (var file in schemaFiles)
            {
                var document = Parse(file, result);
                if (document is not null)
                {
                    schemaDocuments.Add(document);
                }
            }

            var operations = new List<OperationFile>();
            foreach (var file in operationFiles)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var document = Parse(file, result);
                if (document is not null)
                {
                    operations.Add(new OperationFile(file.Path, file.Text, document));
                }
            }

            if (result.Diagnostics.Count > 0)
            {
                return result;
            }

            var schema = SchemaModel.Build(schemaDocuments);
            var problems = OperationValidator.Validate(schema, operations, out var fragmentDefinitions);
            var texts = files.ToDictionary(f => f.Path, f => f.Text, StringComparer.Ordinal);
            foreach (var problem in problems)
            {
                result.Diagnostics.Add(Diagnostic.Create(problem.Descriptor, ToLocation(problem.FilePath, texts[problem.FilePath], problem.Start, problem.End), problem.Message));
            }

            if (problems.Count > 0)
            {
                return result;
            }

            Emit(schema, operations, fragmentDefinitions.ToDictionary(f => f.Key, f => f.Value.Node, StringComparer.Ordinal), settings, result);
        }
        catch (OperationCanceledException)
        {
            throw;
        }
        catch (Exception e)
        {
            result.Diagnostics.Add(Diagnostic.Create(Diagnostics.SchemaError, Location.None, "The GraphQL client generator failed: " + e.GetType().Name + ": " + e.Message));
        }

        return result;
    }

    private static bool IsSchemaFile(string path) =>
        System.IO.Path.GetFileName(path).EndsWith("schema.graphql", StringComparison.OrdinalIgnoreCase);

    private static DocumentNode? Parse(GraphQLFile file, GenerationResult result)
    {
        try
        {
            return Parser.Parse(file.Text);
        }
        catch (GraphQLSyntaxException e)
        {
            var start = Math.Min(e.Position, file.Text.Length);
            result.Diagnostics.Add(Diagnostic.Create(Diagnostics.SyntaxError, ToLocation(file.Path, file.Text, start, Math.Min(start + 1, file.Text.Length)), e.Message));
            return null;
        }
    }

    private static Location ToLocation(string path, string text, int start, int end)
    {
        var (startLine, startColumn) = GraphQLSyntaxException.GetLineAndColumn(text, start);
        var (endLine, endColumn) = GraphQLSyntaxException.GetLineAndColumn(text, end);
        return Location.Create(
            path,
            TextSpan.FromBounds(start, end),
            new LinePositionSpan(new LinePosition(startLine - 1, startColumn - 1), new LinePosition(endLine - 1, endColumn - 1)));
    }

    private static void Emit(SchemaModel schema, List<OperationFile> files, Dictionary<string, FragmentDefinitionNode> fragmentDefinitions, GeneratorSettings settings, GenerationResult result)
    {
        var fragments = fragmentDefinitions.ToDictionary(
            f => f.Key,
            f => new FragmentDefinitionNode(f.Value.Description, f.Value.Name, f.Value.VariableDefinitions, f.Value.TypeCondition, f.Value.Directives, AddTypeName(schema, f.Value.SelectionSet, schema.Find(f.Value.TypeCondition.Name.Value)!), f.Value.Location),
            StringComparer.Ordinal);

        var names = new NameRegistry();
        var clientName = Naming.Type(settings.ClientName);
        names.Reserve("I" + clientName + "Client");
        names.Reserve(clientName + "Client");
        var operationNodes = new List<(OperationDefinitionNode Node, TypeDef Root)>();
        foreach (var file in files)
        {
            foreach (var operation in file.Document.Definitions.OfType<OperationDefinitionNode>())
            {
                var root = schema.Find(schema.RootTypeName(operation.Operation)!)!;
                var rewritten = new OperationDefinitionNode(operation.Operation, operation.Description, operation.Name, operation.VariableDefinitions, operation.Directives, AddTypeName(schema, operation.SelectionSet, root), operation.Location);
                operationNodes.Add((rewritten, root));
                var model = Naming.Type(operation.Name!.Value);
                var kind = operation.Operation switch { OperationType.Query => "Query", OperationType.Mutation => "Mutation", _ => "Subscription" };
                names.Reserve("I" + model + kind);
                names.Reserve(model + kind);
                names.Reserve(model + "ResultReader");
            }
        }

        foreach (var type in schema.Types.Values.Where(t => t.Kind is TypeKind.Enum or TypeKind.InputObject))
        {
            names.Reserve(Naming.Type(type.Name));
            if (type.Kind == TypeKind.Enum)
            {
                names.Reserve(Naming.Type(type.Name) + "Serializer");
            }
        }

        var builder = new ShapeBuilder(schema, fragments, names);
        foreach (var name in fragments.Keys.OrderBy(n => n, StringComparer.Ordinal))
        {
            builder.BuildFragment(name);
        }

        var fragmentShapes = builder.Created.ToList();
        var models = new List<OperationModel>();
        foreach (var (node, root) in operationNodes)
        {
            var shape = builder.BuildOperation(node, root);
            var definitions = new List<DefinitionNode> { node };
            foreach (var used in UsedFragments(node.SelectionSet, fragments))
            {
                definitions.Add(fragments[used]);
            }

            models.Add(new OperationModel(node, shape, Printer.Print(new DocumentNode(definitions))));
        }

        // Leaf and input types used by the operations.
        var enums = new SortedDictionary<string, TypeDef>(StringComparer.Ordinal);
        var inputs = new SortedDictionary<string, TypeDef>(StringComparer.Ordinal);
        foreach (var shape in builder.Created)
        {
            foreach (var field in shape.Fields)
            {
                if (schema.Find(SchemaModel.NamedType(field.Type)) is { Kind: TypeKind.Enum } e)
                {
                    enums[e.Name] = e;
                }
            }
        }

        foreach (var (node, _) in operationNodes)
        {
            foreach (var variable in node.VariableDefinitions)
            {
                AddInputType(schema, schema.Find(SchemaModel.NamedType(variable.Type)), enums, inputs);
            }
        }

        var emitter = new ClientEmitter(schema, settings.Namespace, clientName);
        result.Sources.Add(new GeneratedSource(clientName + "Client.g.cs", emitter.EmitClient(models)));
        if (enums.Count > 0 || inputs.Count > 0)
        {
            result.Sources.Add(new GeneratedSource(clientName + "Client.Types.g.cs", emitter.EmitTypes(enums.Values.ToList(), inputs.Values.ToList())));
        }

        if (fragmentShapes.Count > 0)
        {
            result.Sources.Add(new GeneratedSource(clientName + "Client.Fragments.g.cs", emitter.EmitFragments(fragmentShapes)));
        }

        foreach (var model in models)
        {
            result.Sources.Add(new GeneratedSource(clientName + "Client." + model.Name + ".g.cs", emitter.EmitOperation(model)));
        }
    }

    private static void AddInputType(SchemaModel schema, TypeDef? type, SortedDictionary<string, TypeDef> enums, SortedDictionary<string, TypeDef> inputs)
    {
        if (type is null)
        {
            return;
        }

        if (type.Kind == TypeKind.Enum)
        {
            enums[type.Name] = type;
        }
        else if (type.Kind == TypeKind.InputObject && !inputs.ContainsKey(type.Name))
        {
            inputs[type.Name] = type;
            foreach (var field in type.InputFields)
            {
                AddInputType(schema, schema.Find(SchemaModel.NamedType(field.Type)), enums, inputs);
            }
        }
    }

    private static List<string> UsedFragments(SelectionSetNode set, Dictionary<string, FragmentDefinitionNode> fragments)
    {
        var used = new List<string>();
        void Walk(SelectionSetNode s)
        {
            foreach (var selection in s.Selections)
            {
                switch (selection)
                {
                    case FieldNode { SelectionSet: { } child }:
                        Walk(child);
                        break;
                    case InlineFragmentNode inline:
                        Walk(inline.SelectionSet);
                        break;
                    case FragmentSpreadNode spread when !used.Contains(spread.Name.Value) && fragments.TryGetValue(spread.Name.Value, out var fragment):
                        used.Add(spread.Name.Value);
                        Walk(fragment.SelectionSet);
                        break;
                }
            }
        }

        Walk(set);
        return used;
    }

    /// <summary>Adds <c>__typename</c> to every selection set on an interface or union, as Strawberry Shake does.</summary>
    private static SelectionSetNode AddTypeName(SchemaModel schema, SelectionSetNode set, TypeDef type)
    {
        var selections = new List<SelectionNode>();
        if (type.IsAbstract && !set.Selections.Any(s => s is FieldNode { Alias: null } f && f.Name.Value == "__typename"))
        {
            selections.Add(new FieldNode(null, new NameNode("__typename"), Array.Empty<ArgumentNode>(), Array.Empty<DirectiveNode>(), null));
        }

        foreach (var selection in set.Selections)
        {
            switch (selection)
            {
                case FieldNode { SelectionSet: { } child } field when schema.FindField(type, field.Name.Value) is { } definition && schema.Find(SchemaModel.NamedType(definition.Type)) is { } childType:
                    selections.Add(new FieldNode(field.Alias, field.Name, field.Arguments, field.Directives, AddTypeName(schema, child, childType), field.Location));
                    break;
                case InlineFragmentNode inline:
                    var condition = inline.TypeCondition is null ? type : schema.Find(inline.TypeCondition.Name.Value) ?? type;
                    selections.Add(new InlineFragmentNode(inline.TypeCondition, inline.Directives, AddTypeName(schema, inline.SelectionSet, condition), inline.Location));
                    break;
                default:
                    selections.Add(selection);
                    break;
            }
        }

        return new SelectionSetNode(selections, set.Location);
    }
}

/// <summary>A .graphql file's path and text (value equality keys the incremental pipeline on contents).</summary>
internal sealed record GraphQLFile(string Path, string Text);

/// <summary>The MSBuild settings of the client.</summary>
internal sealed record GeneratorSettings(string ClientName, string Namespace);

internal sealed record GeneratedSource(string HintName, string Text);

internal sealed class GenerationResult
{
    public List<Diagnostic> Diagnostics { get; } = new List<Diagnostic>();

    public List<GeneratedSource> Sources { get; } = new List<GeneratedSource>();
}

/// <summary>An immutable array with value equality, for incremental pipeline caching.</summary>
internal readonly struct EquatableArray<T> : IEquatable<EquatableArray<T>>
    where T : IEquatable<T>
{
    public EquatableArray(T[] items)
    {
        Items = items;
    }

    public T[] Items { get; }

    public bool Equals(EquatableArray<T> other) =>
        (Items ?? Array.Empty<T>()).AsSpan().SequenceEqual((other.Items ?? Array.Empty<T>()).AsSpan());

    public override bool Equals(object? obj) => obj is EquatableArray<T> other && Equals(other);

    public override int GetHashCode()
    {
        var hash = 17;
        foreach (var item in Items ?? Array.Empty<T>())
        {
            hash = (hash * 31) + (item?.GetHashCode() ?? 0);
        }

        return hash;
    }
}
