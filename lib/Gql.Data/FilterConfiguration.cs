using System.Linq.Expressions;
using System.Reflection;

namespace Gql.Data;

/// <summary>Which properties of <typeparamref name="T"/> a filter or sort input offers; shared by both configurations.</summary>
public abstract class DataFieldConfiguration<T> : IFieldBinding
{
    private protected DataFieldConfiguration()
    {
    }

    /// <summary>When true only the properties named with <c>Field</c> are offered; otherwise every eligible one but the ignored.</summary>
    internal bool IsExplicit { get; private protected set; }

    internal HashSet<string> Included { get; } = new(StringComparer.Ordinal);

    internal HashSet<string> Excluded { get; } = new(StringComparer.Ordinal);

    /// <summary>Whether a property (by CLR name) is offered under this configuration.</summary>
    internal bool Allows(string propertyName) =>
        !Excluded.Contains(propertyName) && (!IsExplicit || Included.Contains(propertyName));

    bool IFieldBinding.Allows(string propertyName) => Allows(propertyName);

    IReadOnlyCollection<string> IFieldBinding.Included => Included;

    private protected static string PropertyName(LambdaExpression property)
    {
        var body = property.Body is UnaryExpression { NodeType: ExpressionType.Convert or ExpressionType.ConvertChecked } convert ? convert.Operand : property.Body;
        if (body is MemberExpression { Member: PropertyInfo member, Expression: ParameterExpression })
        {
            return member.Name;
        }

        throw new ArgumentException($"'{property}' must select a property of {typeof(T).Name} directly, like p => p.LastName.", nameof(property));
    }
}

/// <summary>
/// Chooses the fields of the <c>&lt;Type&gt;FilterInput</c> of <typeparamref name="T"/>. An <c>[ObjectType&lt;T&gt;]</c>
/// class configures it with a static method (keep it non-public, or mark it <c>[GraphQLIgnore]</c>, so that it does not
/// become a GraphQL field):
/// <code>
/// [ObjectType&lt;Patient&gt;]
/// public static class PatientType
/// {
///     internal static void ConfigureFiltering(FilterConfiguration&lt;Patient&gt; filter) =&gt;
///         filter.BindFieldsExplicitly().Field(p =&gt; p.LastName).Field(p =&gt; p.Mrn);
/// }
/// </code>
/// By default every public scalar and enum property, nested object and collection of <typeparamref name="T"/> is
/// filterable, except those the object type leaves out (<c>ObjectTypeConfiguration&lt;T&gt;.Ignore</c>,
/// <c>[GraphQLIgnore]</c>): what clients cannot read they cannot filter on either.
/// </summary>
public sealed class FilterConfiguration<T> : DataFieldConfiguration<T>
{
    /// <summary>Offers only the properties named with <see cref="Field{TField}"/>.</summary>
    public FilterConfiguration<T> BindFieldsExplicitly()
    {
        IsExplicit = true;
        return this;
    }

    /// <summary>Offers every eligible property except the ignored ones (the default).</summary>
    public FilterConfiguration<T> BindFieldsImplicitly()
    {
        IsExplicit = false;
        return this;
    }

    /// <summary>Offers the property (needed with <see cref="BindFieldsExplicitly"/>; harmless otherwise).</summary>
    public FilterConfiguration<T> Field<TField>(Expression<Func<T, TField>> property)
    {
        var name = PropertyName(property);
        Included.Add(name);
        Excluded.Remove(name);
        return this;
    }

    /// <summary>Leaves the property out of the filter input.</summary>
    public FilterConfiguration<T> Ignore<TField>(Expression<Func<T, TField>> property)
    {
        var name = PropertyName(property);
        Excluded.Add(name);
        Included.Remove(name);
        return this;
    }
}

/// <summary>
/// Chooses the fields of the <c>&lt;Type&gt;SortInput</c> of <typeparamref name="T"/>, through a static
/// <c>ConfigureSorting(SortConfiguration&lt;T&gt; sort)</c> method of an <c>[ObjectType&lt;T&gt;]</c> class (non-public or
/// <c>[GraphQLIgnore]</c>). By default every public scalar and enum property and nested object is sortable.
/// </summary>
public sealed class SortConfiguration<T> : DataFieldConfiguration<T>
{
    /// <summary>Offers only the properties named with <see cref="Field{TField}"/>.</summary>
    public SortConfiguration<T> BindFieldsExplicitly()
    {
        IsExplicit = true;
        return this;
    }

    /// <summary>Offers every eligible property except the ignored ones (the default).</summary>
    public SortConfiguration<T> BindFieldsImplicitly()
    {
        IsExplicit = false;
        return this;
    }

    /// <summary>Offers the property (needed with <see cref="BindFieldsExplicitly"/>; harmless otherwise).</summary>
    public SortConfiguration<T> Field<TField>(Expression<Func<T, TField>> property)
    {
        var name = PropertyName(property);
        Included.Add(name);
        Excluded.Remove(name);
        return this;
    }

    /// <summary>Leaves the property out of the sort input.</summary>
    public SortConfiguration<T> Ignore<TField>(Expression<Func<T, TField>> property)
    {
        var name = PropertyName(property);
        Excluded.Add(name);
        Included.Remove(name);
        return this;
    }
}

/// <summary>A filter or sort configuration, without its type argument.</summary>
internal interface IFieldBinding
{
    IReadOnlyCollection<string> Included { get; }

    bool Allows(string propertyName);
}

/// <summary>The error codes filtering and sorting report in <c>extensions.code</c>.</summary>
public static class DataErrorCodes
{
    /// <summary>A <c>where</c> argument the filter cannot apply (a null where a value is needed, a value out of range).</summary>
    public const string FilterInvalid = "FILTER_INVALID";

    /// <summary>An <c>order</c> argument the sort cannot apply (not exactly one field in a sort item).</summary>
    public const string SortInvalid = "SORT_INVALID";
}
