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

    /// <summary>The field's type. Attributes that wrap the result (paging: a connection) replace it.</summary>
    public GraphQLType Type
    {
        get => Field.Type;
        set => Field.Type = value;
    }

    public System.Reflection.MemberInfo Member { get; } = member;

    /// <summary>The CLR type the resolver returns, after Task/ValueTask unwrapping.</summary>
    public Type ClrReturnType { get; } = clrReturnType;

    public CodeFirstSchemaBuilder Builder { get; } = builder;
}

/// <summary>
/// A subscription field whose resolver runs once per event (Hot Chocolate's shape): the event is the parameter marked
/// <see cref="EventMessageAttribute"/>. The events come from the method named by <see cref="With"/> (its arguments
/// are the field's; it returns an <c>IAsyncEnumerable</c> of events), or else from the topic of
/// <see cref="TopicAttribute"/> on the in-process <c>ITopicEventReceiver</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class SubscribeAttribute : Attribute
{
    /// <summary>The name of the method (in the same class) that opens the event stream.</summary>
    public string? With { get; init; }
}

/// <summary>
/// The topic a <see cref="SubscribeAttribute"/> field listens on; <c>{argument}</c> placeholders take the field's
/// argument values (<c>"BedChanged:{wardId}"</c>; a null value leaves the placeholder empty). Without a name, the topic is
/// the field's name.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class TopicAttribute(string? name = null) : Attribute
{
    public string? Name { get; } = name;
}

/// <summary>Marks the parameter of a <see cref="SubscribeAttribute"/> resolver that receives the event.</summary>
[AttributeUsage(AttributeTargets.Parameter)]
public sealed class EventMessageAttribute : Attribute;
