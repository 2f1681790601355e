using System.Linq.Expressions;
using System.Reflection;

namespace Gql.Server;

/// <summary>
/// Adjusts the object type inferred from a CLR type. An <see cref="ObjectTypeAttribute{T}"/> class configures it
/// with a <c>static void Configure(ObjectTypeConfiguration&lt;T&gt; type)</c> method.
/// </summary>
public sealed class ObjectTypeConfiguration<T>
{
    internal HashSet<string> Ignored { get; } = new(StringComparer.Ordinal);

    /// <summary>The properties <see cref="Ignore"/> left out (filtering and sorting leave them out too).</summary>
    public IReadOnlyCollection<string> IgnoredProperties => Ignored;

    internal string? TypeName { get; private set; }

    internal string? TypeDescription { get; private set; }

    /// <summary>Leaves a property of <typeparamref name="T"/> out of the type (e.g. a navigation resolved elsewhere).</summary>
    public ObjectTypeConfiguration<T> Ignore(Expression<Func<T, object?>> property)
    {
        Ignored.Add(MemberName(property));
        return this;
    }

    private static string MemberName(Expression<Func<T, object?>> property)
    {
        var body = property.Body is UnaryExpression { NodeType: ExpressionType.Convert } convert ? convert.Operand : property.Body;
        return ((MemberExpression)body).Member.Name;
    }

    /// <summary>
    /// Declares the properties a computed property reads (e.g. FullName reads FirstName and LastName), so projections
    /// load them when it is selected.
    /// </summary>
    public ObjectTypeConfiguration<T> Requires(Expression<Func<T, object?>> property, params Expression<Func<T, object?>>[] requires)
    {
        Required[MemberName(property)] = requires.Select(MemberName).ToArray();
        return this;
    }

    internal Dictionary<string, string[]> Required { get; } = new(StringComparer.Ordinal);

    public ObjectTypeConfiguration<T> Name(string name)
    {
        TypeName = name;
        return this;
    }

    public ObjectTypeConfiguration<T> Description(string description)
    {
        TypeDescription = description;
        return this;
    }

    internal static void Apply(Type extension, CodeFirstSchemaBuilder.TypeSettings settings)
    {
        var configure = extension.GetMethod("Configure", BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static, [typeof(ObjectTypeConfiguration<T>)]);
        if (configure is null)
        {
            return;
        }

        var configuration = new ObjectTypeConfiguration<T>();
        configure.Invoke(null, [configuration]);
        settings.Ignored.UnionWith(configuration.Ignored);
        foreach (var (member, requires) in configuration.Required)
        {
            settings.Requires[member] = requires;
        }

        settings.Name ??= configuration.TypeName;
        settings.Description ??= configuration.TypeDescription;
    }
}
