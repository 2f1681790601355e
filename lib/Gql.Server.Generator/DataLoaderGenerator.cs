using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace Gql.Server.Generator;

/// <summary>
/// Turns <c>[DataLoader]</c> methods into DataLoader classes. A method
/// <c>static Task&lt;IReadOnlyDictionary&lt;K, V&gt;&gt; GetPatientByIdAsync(IReadOnlyList&lt;K&gt; keys, ..., CancellationToken)</c>
/// becomes <c>PatientByIdDataLoader : BatchDataLoader&lt;K, V&gt;</c>; one returning <c>Task&lt;ILookup&lt;K, V&gt;&gt;</c> becomes a
/// <c>GroupedDataLoader</c>. Other parameters are resolved per batch from the request's services; a DbContext parameter
/// gets a fresh context from its <c>IDbContextFactory</c>, disposed when the batch is loaded; a <c>Projection&lt;T&gt;</c>
/// parameter gets the projection of the branch being loaded (see <c>DataLoaderBase.Branch</c>).
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class DataLoaderGenerator : IIncrementalGenerator
{
    private const string AttributeName = "Gql.Server.DataLoaders.DataLoaderAttribute";

    private static readonly DiagnosticDescriptor BadShape = new(
        "GQLS001",
        "Invalid DataLoader method",
        "[DataLoader] method '{0}' must be static, take IReadOnlyList<TKey> first and return Task<IReadOnlyDictionary<TKey, TValue>> or Task<ILookup<TKey, TValue>>",
        "Gql.Server",
        DiagnosticSeverity.Error,
        isEnabledByDefault: true);

    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var methods = context.SyntaxProvider.ForAttributeWithMetadataName(
            AttributeName,
            static (node, _) => node is Microsoft.CodeAnalysis.CSharp.Syntax.MethodDeclarationSyntax,
            static (ctx, _) => Describe((IMethodSymbol)ctx.TargetSymbol));
        context.RegisterSourceOutput(methods, static (spc, loader) =>
        {
            if (loader.Error is not null)
            {
                spc.ReportDiagnostic(Diagnostic.Create(BadShape, loader.Location, loader.Error));
                return;
            }

            spc.AddSource(loader.HintName, SourceText.From(loader.Source!, Encoding.UTF8));
        });
    }

    private static LoaderModel Describe(IMethodSymbol method)
    {
        var location = method.Locations.FirstOrDefault();
        if (!method.IsStatic || method.Parameters.Length == 0
            || method.Parameters[0].Type is not INamedTypeSymbol { Name: "IReadOnlyList", TypeArguments.Length: 1 } keysType
            || method.ReturnType is not INamedTypeSymbol { Name: "Task", TypeArguments.Length: 1 } task
            || task.TypeArguments[0] is not INamedTypeSymbol { TypeArguments.Length: 2, Name: "IReadOnlyDictionary" or "ILookup" } result)
        {
            return new LoaderModel(method.ToDisplayString(), null, method.ToDisplayString(), method.ToDisplayString(), location);
        }

        var grouped = result.Name == "ILookup";
        var key = keysType.TypeArguments[0].ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);
        var value = result.TypeArguments[1].ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);
        var name = method.Name;
        if (name.StartsWith("Get") && name.Length > 3 && char.IsUpper(name[3]))
        {
            name = name.Substring(3);
        }

        if (name.EndsWith("Async"))
        {
            name = name.Substring(0, name.Length - 5);
        }

        var className = name + "DataLoader";
        var ns = method.ContainingType.ContainingNamespace.IsGlobalNamespace ? null : method.ContainingType.ContainingNamespace.ToDisplayString();
        var declaring = method.ContainingType.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);

        var setup = new StringBuilder();
        var arguments = new List<string> { "keys" };
        foreach (var parameter in method.Parameters.Skip(1))
        {
            var type = parameter.Type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);
            if (type == "global::System.Threading.CancellationToken")
            {
                arguments.Add("cancellationToken");
            }
            else if (parameter.Type is INamedTypeSymbol { Name: "Projection", TypeArguments.Length: 1 } projection
                && projection.ContainingNamespace.ToDisplayString() == "Gql.Server.DataLoaders")
            {
                // A branch made by Select(context) carries its projection; the loader itself loads whole entities.
                setup.AppendLine($"        var {parameter.Name} = BranchState as {type} ?? {type}.All;");
                arguments.Add(parameter.Name);
            }
            else if (IsDbContext(parameter.Type))
            {
                setup.AppendLine($"        await using var {parameter.Name} = await global::Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<global::Microsoft.EntityFrameworkCore.IDbContextFactory<{type}>>(services).CreateDbContextAsync(cancellationToken);");
                arguments.Add(parameter.Name);
            }
            else
            {
                setup.AppendLine($"        var {parameter.Name} = global::Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<{type}>(services);");
                arguments.Add(parameter.Name);
            }
        }

        var baseType = grouped
            ? $"global::Gql.Server.DataLoaders.GroupedDataLoader<{key}, {value}>"
            : $"global::Gql.Server.DataLoaders.BatchDataLoader<{key}, {value}>";
        var overrideSignature = grouped
            ? $"protected override async global::System.Threading.Tasks.Task<global::System.Linq.ILookup<{key}, {value}>> LoadGroupedBatchAsync(global::System.Collections.Generic.IReadOnlyList<{key}> keys, global::System.Threading.CancellationToken cancellationToken)"
            : $"protected override async global::System.Threading.Tasks.Task<global::System.Collections.Generic.IReadOnlyDictionary<{key}, {value}>> LoadBatchAsync(global::System.Collections.Generic.IReadOnlyList<{key}> keys, global::System.Threading.CancellationToken cancellationToken)";

        var source = new StringBuilder();
        source.AppendLine("// <auto-generated/> by Gql.Server.Generator from a [DataLoader] method.");
        source.AppendLine("#nullable enable");
        if (ns is not null)
        {
            source.AppendLine($"namespace {ns};");
        }

        source.AppendLine();
        source.AppendLine($"/// <summary>Batches and caches calls of <see cref=\"{method.ContainingType.ToDisplayString()}.{method.Name}\"/> for one request.</summary>");
        source.AppendLine($"public sealed partial class {className}(global::System.IServiceProvider services) : {baseType}");
        source.AppendLine("{");
        source.AppendLine($"    {overrideSignature}");
        source.AppendLine("    {");
        source.Append(setup);
        source.AppendLine($"        return await {declaring}.{method.Name}({string.Join(", ", arguments)});");
        source.AppendLine("    }");
        source.AppendLine();
        source.AppendLine($"    protected override global::Gql.Server.DataLoaders.DataLoaderBase<{key}, {(grouped ? value + "[]" : value + "?")}> CreateBranch() => new {className}(services);");
        source.AppendLine("}");
        return new LoaderModel($"{ns}.{className}.g.cs".TrimStart('.'), source.ToString(), null, method.ToDisplayString(), location);
    }

    private static bool IsDbContext(ITypeSymbol type)
    {
        for (var current = type.BaseType; current is not null; current = current.BaseType)
        {
            if (current.ToDisplayString() == "Microsoft.EntityFrameworkCore.DbContext")
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>What one method produces; equatable so unchanged methods are not regenerated.</summary>
    private sealed record LoaderModel(string HintName, string? Source, string? Error, string Method, Location? Location)
    {
        public bool Equals(LoaderModel? other) => other is not null && HintName == other.HintName && Source == other.Source && Error == other.Error;

        public override int GetHashCode() => (HintName, Source, Error).GetHashCode();
    }
}
