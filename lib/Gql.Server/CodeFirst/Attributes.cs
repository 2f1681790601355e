using Gql.Server.Types;

namespace Gql.Server;

/// <summary>A class whose public methods (and properties) are fields of the query root type.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class QueryTypeAttribute : Attribute;

/// <summary>A class whose public methods are fields of the mutation root type.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class MutationTypeAttribute : Attribute;

/// <summary>A class whose public methods are fields of the subscription root type.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class SubscriptionTypeAttribute : Attribute;

/// <summary>
/// Extends the object type of <typeparamref name="T"/> with the public methods of this (usually static) class; a
/// parameter of type <typeparamref name="T"/> (or marked <see cref="ParentAttribute"/>) receives the parent object.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class ObjectTypeAttribute<T> : Attribute;

/// <summary>Names the GraphQL type, field, argument or enum value explicitly.</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct | AttributeTargets.Interface | AttributeTargets.Enum | AttributeTargets.Property | AttributeTargets.Method | AttributeTargets.Parameter | AttributeTargets.Field)]
public sealed class GraphQLNameAttribute(string name) : Attribute
{
    public string Name { get; } = name;
}

[AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct | AttributeTargets.Interface | AttributeTargets.Enum | AttributeTargets.Property | AttributeTargets.Method | AttributeTargets.Parameter | AttributeTargets.Field)]
public sealed class GraphQLDescriptionAttribute(string description) : Attribute
{
    public string Description { get; } = description;
}

/// <summary>Keeps a member out of the schema.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Method | AttributeTargets.Field | AttributeTargets.Parameter)]
public sealed class GraphQLIgnoreAttribute : Attribute;

[AttributeUsage(AttributeTargets.Property | AttributeTargets.Method | AttributeTargets.Field | AttributeTargets.Parameter)]
public sealed class GraphQLDeprecatedAttribute(string reason) : Attribute
{
    public string Reason { get; } = reason;
}

/// <summary>Marks the parameter that receives the parent object.</summary>
[AttributeUsage(AttributeTargets.Parameter)]
public sealed class ParentAttribute : Attribute;

/// <summary>Marks a parameter resolved from the request's services (registered services are recognised without it).</summary>
[AttributeUsage(AttributeTargets.Parameter)]
public sealed class ServiceAttribute : Attribute;

/// <summary>
/// Base of attributes that configure a field when the schema is built: add arguments, middleware, metadata
/// (paging, filtering, authorization, cost, ...). Applied in declaration order.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Method, AllowMultiple = true)]
public abstract class FieldConfigurationAttribute : Attribute
{
    public abstract void Configure(FieldConfigurationContext context);
}

/// <summary>What a <see cref="FieldConfigurationAttribute"/> can see and change.</summary>
public sealed class FieldConfigurationContext(OutputField field, System.Reflection.MemberInfo member, Type clrReturnType, CodeFirstSchemaBuilder builder)
{
    public OutputField Field { get; } = field;

    public System.Reflection.MemberInfo Member { get; } = member;

    /// <summary>The CLR type the resolver returns, after Task/ValueTask unwrapping.</summary>
    public Type ClrReturnType { get; } = clrReturnType;

    public CodeFirstSchemaBuilder Builder { get; } = builder;
}
