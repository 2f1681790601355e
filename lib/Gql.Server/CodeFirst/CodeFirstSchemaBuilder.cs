using System.Collections;
using System.Reflection;
using Gql.Server.Execution;
using Gql.Server.Types;

namespace Gql.Server;

/// <summary>
/// Builds a schema from C# with Hot Chocolate's conventions: <c>[QueryType]</c>/<c>[MutationType]</c>/
/// <c>[SubscriptionType]</c> classes, <c>[ObjectType&lt;T&gt;]</c> extensions, CLR types inferred as object, input,
/// enum and interface types, C# nullability as GraphQL nullability. Resolvers are compiled once, here.
/// </summary>
public sealed class CodeFirstSchemaBuilder
{
    private readonly List<Type> queryTypes = [];
    private readonly List<Type> mutationTypes = [];
    private readonly List<Type> subscriptionTypes = [];
    private readonly List<Type> explicitTypes = [];
    private readonly Dictionary<Type, List<Type>> extensions = [];
    private readonly Dictionary<Type, NamedType> outputTypes = [];
    private readonly Dictionary<Type, InputObjectType> inputTypes = [];
    private readonly Dictionary<Type, EnumType> enumTypes = [];
    private readonly Dictionary<Type, ScalarType> scalars = new()
    {
        [typeof(string)] = Scalars.String,
        [typeof(int)] = Scalars.Int,
        [typeof(short)] = Scalars.Int,
        [typeof(byte)] = Scalars.Int,
        [typeof(long)] = Scalars.Long,
        [typeof(double)] = Scalars.Float,
        [typeof(float)] = Scalars.Float,
        [typeof(decimal)] = Scalars.Decimal,
        [typeof(bool)] = Scalars.Boolean,
        [typeof(Guid)] = Scalars.UUID,
        [typeof(DateTime)] = Scalars.DateTime,
        [typeof(DateTimeOffset)] = Scalars.DateTime,
        [typeof(DateOnly)] = Scalars.Date,
        [typeof(TimeOnly)] = Scalars.LocalTime,
    };

    private readonly Dictionary<Type, Func<IServiceProvider, object>> resolverScoped = [];
    private readonly List<Action<Schema>> onBuilt = [];
    private readonly NullabilityInfoContext nullability = new();
    private readonly List<Type> pendingImplementations = [];
    private readonly Dictionary<string, NamedType> generatedTypes = new(StringComparer.Ordinal);
    private readonly Dictionary<Type, (MethodInfo Method, object? Instance)> nodeResolvers = [];
    private Func<Type, bool> isService = _ => false;
    private MutationConvention? mutationConvention;
    private Func<OutputField, bool>? requireAuthorization;
    private Authorization.IntrospectionAccess? introspectionAccess;

    /// <summary>Registers a class by its attributes: a root type part, an object type extension, or a type to include.</summary>
    public CodeFirstSchemaBuilder AddType(Type type)
    {
        if (type.GetCustomAttribute<QueryTypeAttribute>() is not null)
        {
            queryTypes.Add(type);
        }
        else if (type.GetCustomAttribute<MutationTypeAttribute>() is not null)
        {
            mutationTypes.Add(type);
        }
        else if (type.GetCustomAttribute<SubscriptionTypeAttribute>() is not null)
        {
            subscriptionTypes.Add(type);
        }
        else if (ExtendedType(type) is { } extended)
        {
            if (!extensions.TryGetValue(extended, out var list))
            {
                extensions[extended] = list = [];
            }

            list.Add(type);
        }
        else
        {
            explicitTypes.Add(type);
        }

        return this;
    }

    public CodeFirstSchemaBuilder AddType<T>() => AddType(typeof(T));

    /// <summary>Adds every type of the assembly that carries one of the schema attributes.</summary>
    public CodeFirstSchemaBuilder AddTypes(Assembly assembly)
    {
        foreach (var type in assembly.GetTypes().Where(t => t.IsVisible).OrderBy(t => t.FullName, StringComparer.Ordinal))
        {
            if (type.GetCustomAttribute<QueryTypeAttribute>() is not null || type.GetCustomAttribute<MutationTypeAttribute>() is not null
                || type.GetCustomAttribute<SubscriptionTypeAttribute>() is not null || ExtendedType(type) is not null)
            {
                AddType(type);
            }
        }

        return this;
    }

    public CodeFirstSchemaBuilder BindScalar(Type clrType, ScalarType scalar)
    {
        scalars[clrType] = scalar;
        return this;
    }

    /// <summary>
    /// Parameters of type <typeparamref name="T"/> get a fresh instance per resolver call, disposed when the field has
    /// completed (lists materialised). This is how each resolver gets its own DbContext, so concurrent resolvers
    /// never share one.
    /// </summary>
    public CodeFirstSchemaBuilder AddResolverScoped<T>(Func<IServiceProvider, T> create)
        where T : class
    {
        resolverScoped[typeof(T)] = sp => create(sp);
        return this;
    }

    /// <summary>Tells the builder which parameter types are services, e.g. from <c>IServiceProviderIsService</c>.</summary>
    public CodeFirstSchemaBuilder UseServiceDetection(Func<Type, bool> isServiceType)
    {
        isService = isServiceType;
        return this;
    }

    /// <summary>
    /// Shapes mutations by Hot Chocolate's conventions: arguments in one <c>XInput</c>, the result in <c>XPayload</c> with
    /// the <c>[Error]</c>s the mutation declares as <c>errors: [XError!]</c> (see <see cref="ErrorAttribute"/>).
    /// </summary>
    public CodeFirstSchemaBuilder AddMutationConventions(MutationConventionOptions? options = null)
    {
        mutationConvention = new MutationConvention(this, options ?? new MutationConventionOptions());
        return this;
    }

    /// <summary>
    /// Deny by default: the build fails, naming each field, when a field <paramref name="which"/> selects (by default
    /// <see cref="Authorization.AuthorizationSchemaExtensions.RequiresRuleByDefault"/>: every object type field but
    /// introspection, <c>node</c>/<c>nodes</c> and engine-generated types) has no rule of its own, of its class or
    /// type, and no <c>[AllowAnonymous]</c>.
    /// </summary>
    public CodeFirstSchemaBuilder RequireAuthorization(Func<OutputField, bool>? which = null)
    {
        requireAuthorization = which ?? Authorization.AuthorizationSchemaExtensions.RequiresRuleByDefault;
        return this;
    }

    /// <summary>
    /// Only users <paramref name="allow"/> accepts may introspect (<c>__schema</c>, <c>__type</c>; <c>__typename</c> is
    /// always allowed), read <c>?sdl</c> or open the IDE. Others get <c>INTROSPECTION_NOT_ALLOWED</c> (HTTP: 401/403).
    /// </summary>
    public CodeFirstSchemaBuilder AllowIntrospection(Func<System.Security.Claims.ClaimsPrincipal?, bool> allow)
    {
        introspectionAccess = new Authorization.IntrospectionAccess(allow);
        return this;
    }

    /// <summary>Only authenticated users who satisfy the ASP.NET Core policy <paramref name="policy"/> may introspect (see the other overload).</summary>
    public CodeFirstSchemaBuilder AllowIntrospection(string policy)
    {
        introspectionAccess = new Authorization.IntrospectionAccess(policy);
        return this;
    }

    /// <summary>Runs after the schema is built (e.g. to hand it to tooling).</summary>
    public CodeFirstSchemaBuilder OnBuilt(Action<Schema> action)
    {
        onBuilt.Add(action);
        return this;
    }

    public Schema Build()
    {
        if (queryTypes.Count == 0)
        {
            throw new SchemaException(["No [QueryType] class was registered: a schema needs a query root type."]);
        }

        var query = Root("Query", queryTypes);
        var mutation = mutationTypes.Count > 0 ? Root("Mutation", mutationTypes) : null;
        var subscription = subscriptionTypes.Count > 0 ? Root("Subscription", subscriptionTypes) : null;
        foreach (var type in explicitTypes)
        {
            Output(type, null);
        }

        while (pendingImplementations.Count > 0)
        {
            var next = pendingImplementations[^1];
            pendingImplementations.RemoveAt(pendingImplementations.Count - 1);
            Output(next, null);
        }

        // Object types deriving from an interface's CLR type implement it, even if only reachable through it.
        foreach (var (clr, named) in outputTypes.ToList())
        {
            if (named is ComplexType complex)
            {
                foreach (var (otherClr, other) in outputTypes)
                {
                    if (other is InterfaceType iface && otherClr != clr && otherClr.IsAssignableFrom(clr) && !complex.Implements(iface))
                    {
                        complex.Interfaces.Add(iface);
                    }
                }
            }
        }

        AddNodes(query);
        foreach (var generated in generatedTypes.Values)
        {
            generated.Metadata[Authorization.AuthorizationSchemaExtensions.EngineGeneratedKey] = true;
        }

        var schema = Schema.Create(query, mutation, subscription, outputTypes.Values.Concat(inputTypes.Values).Concat(enumTypes.Values).Concat(generatedTypes.Values).Distinct());
        if (requireAuthorization is not null)
        {
            Authorization.AuthorizationSchemaExtensions.EnsureAuthorized(schema, requireAuthorization);
        }

        if (introspectionAccess is not null)
        {
            Authorization.AuthorizationSchemaExtensions.SetIntrospectionAccess(schema, introspectionAccess);
        }

        onBuilt.ForEach(a => a(schema));
        return schema;
    }

    /// <summary>
    /// Global object identification: types with a node resolver implement <c>Node</c>, their <c>id</c> becomes an opaque
    /// <c>ID!</c>, and the query type gets <c>node(id:)</c> and <c>nodes(ids:)</c>.
    /// </summary>
    private void AddNodes(ObjectType query)
    {
        if (nodeResolvers.Count == 0)
        {
            return;
        }

        var node = new InterfaceType("Node", "The node interface is implemented by entities that have a global unique identifier.");
        node.Fields.Add(new OutputField("id", new NonNullType(Scalars.ID)));
        var fetchers = new Dictionary<string, (Type KeyType, string KeyArgument, FieldResolver Resolve)>(StringComparer.Ordinal);
        foreach (var (clr, (method, instance)) in nodeResolvers.OrderBy(n => n.Key.FullName, StringComparer.Ordinal))
        {
            if (Output(clr, null).Named is not ObjectType type || type.Fields.Find("id") is not { } idField)
            {
                throw new SchemaException([$"The node type {clr.Name} needs an id property."]);
            }

            var readKey = idField.Resolver ?? DefaultResolver.For("id");
            var typeName = type.Name;
            var globalId = new OutputField("id", new NonNullType(Scalars.ID), idField.Description)
            {
                Resolver = async c => await readKey(c) is { } key ? Relay.NodeIds.Encode(typeName, key) : null,
            };
            globalId.Directives.AddRange(idField.Directives);
            type.Fields.Replace(globalId);
            type.Interfaces.Add(node);
            var keyParameter = method.GetParameters()[0];
            var scratch = new OutputField("node", new NonNullType(Scalars.ID));
            var resolve = ResolverCompiler.Method(this, method, instance, null, scratch, subscription: false).Resolver;
            fetchers[typeName] = (keyParameter.ParameterType, scratch.Arguments[0].Name, resolve);
        }

        // Interfaces whose implementations are all nodes expose the same global id.
        foreach (var iface in outputTypes.Values.OfType<InterfaceType>())
        {
            var implementations = outputTypes.Values.OfType<ObjectType>().Where(o => o.Implements(iface)).ToList();
            if (implementations.Count > 0 && implementations.TrueForAll(o => o.Implements(node)) && iface.Fields.Find("id") is { } id)
            {
                iface.Fields.Replace(new OutputField("id", new NonNullType(Scalars.ID), id.Description));
                iface.Interfaces.Add(node);
            }
        }

        async ValueTask<object?> Fetch(IResolverContext context, string id)
        {
            var (typeName, _) = Relay.NodeIds.Decode(id);
            if (!fetchers.TryGetValue(typeName, out var fetcher))
            {
                throw new GraphQLException($"\"{id}\" is not the id of a known type.", Relay.NodeIds.InvalidIdCode);
            }

            var key = Relay.NodeIds.DecodeKey(id, typeName, fetcher.KeyType);
            return await fetcher.Resolve(new ArgumentsResolverContext(context, new Dictionary<string, object?> { [fetcher.KeyArgument] = key }));
        }

        var nodeField = new OutputField("node", node, "Fetches an object given its ID.")
        {
            Resolver = c => Fetch(c, (string)c.Arguments["id"]!),
        };
        nodeField.Arguments.Add(new InputField("id", new NonNullType(Scalars.ID), "ID of the object."));
        var nodesField = new OutputField("nodes", new NonNullType(new ListType(node)), "Lookup nodes by a list of IDs.")
        {
            Resolver = async c =>
            {
                var ids = (IEnumerable<object?>)c.Arguments["ids"]!;
                var results = new List<object?>();
                foreach (var task in ids.Select(id => Fetch(c, (string)id!).AsTask()).ToList())
                {
                    results.Add(await task);
                }

                return results;
            },
        };
        nodesField.Arguments.Add(new InputField("ids", new NonNullType(new ListType(new NonNullType(Scalars.ID))), "The list of node IDs."));
        nodesField.Metadata[Execution.ListSize.MetadataKey] = new Execution.ListSize(1) { CountArgument = "ids" };
        nodeField.Metadata[Authorization.AuthorizationSchemaExtensions.EngineGeneratedKey] = true;
        nodesField.Metadata[Authorization.AuthorizationSchemaExtensions.EngineGeneratedKey] = true;
        query.Fields.Add(nodeField);
        query.Fields.Add(nodesField);
        generatedTypes["Node"] = node;
    }

    /// <summary>The GraphQL output type for a CLR type, creating object, interface and enum types as needed.</summary>
    public GraphQLType Output(Type type, NullabilityInfo? info)
    {
        (type, info) = UnwrapTask(type, info);
        var (inner, nonNull) = Nullability(type, info);
        GraphQLType result;
        if (ElementType(inner) is { } element)
        {
            result = new ListType(Output(element, ElementInfo(inner, info)));
        }
        else if (scalars.TryGetValue(inner, out var scalar))
        {
            result = scalar;
        }
        else if (inner.IsEnum)
        {
            result = Enum(inner);
        }
        else
        {
            result = Complex(inner);
        }

        return nonNull ? new NonNullType(result) : result;
    }

    /// <summary>The GraphQL input type for a CLR type, creating input object and enum types as needed.</summary>
    public GraphQLType Input(Type type, NullabilityInfo? info)
    {
        var (inner, nonNull) = Nullability(type, info);
        GraphQLType result;
        if (ElementType(inner) is { } element)
        {
            result = new ListType(Input(element, ElementInfo(inner, info)));
        }
        else if (scalars.TryGetValue(inner, out var scalar))
        {
            result = scalar;
        }
        else if (inner.IsEnum)
        {
            result = Enum(inner);
        }
        else
        {
            result = InputObject(inner);
        }

        return nonNull ? new NonNullType(result) : result;
    }

    /// <summary>
    /// A type made by a field configuration (a paging connection, a filter input) shared by every field that needs
    /// it: created on first request, then returned by name.
    /// </summary>
    public T GetOrAddType<T>(string name, Func<T> create)
        where T : NamedType
    {
        if (generatedTypes.TryGetValue(name, out var existing))
        {
            return existing as T ?? throw new SchemaException([$"The generated type name '{name}' is used by two kinds of types."]);
        }

        var type = create();
        generatedTypes[name] = type;
        return type;
    }

    /// <summary>The generated types whose names start with <paramref name="name"/>, to avoid clashes when naming new ones.</summary>
    public bool HasGeneratedType(string name) => generatedTypes.ContainsKey(name);

    internal bool IsResolverScoped(Type type) => resolverScoped.ContainsKey(type);

    internal Func<IServiceProvider, object> ResolverScopedFactory(Type type) => resolverScoped[type];

    internal bool IsService(Type type) => isService(type);

    internal NullabilityInfo NullabilityOf(ParameterInfo parameter) => nullability.Create(parameter);

    private ObjectType Root(string name, List<Type> parts)
    {
        var root = new ObjectType(name);
        foreach (var part in parts)
        {
            var instance = part.IsAbstract && part.IsSealed ? null : Activator.CreateInstance(part);
            AddMethods(root, part, instance, parentType: null);
        }

        return root;
    }

    private EnumType Enum(Type type)
    {
        if (enumTypes.TryGetValue(type, out var existing))
        {
            return existing;
        }

        var enumType = new EnumType(Naming.TypeName(type), type.GetCustomAttribute<GraphQLDescriptionAttribute>()?.Description) { RuntimeType = type };
        enumTypes[type] = enumType;
        foreach (var field in type.GetFields(BindingFlags.Public | BindingFlags.Static))
        {
            if (field.GetCustomAttribute<GraphQLIgnoreAttribute>() is not null)
            {
                continue;
            }

            var name = field.GetCustomAttribute<GraphQLNameAttribute>()?.Name ?? Naming.EnumValue(field.Name);
            enumType.Add(new EnumValue(name, field.GetValue(null), field.GetCustomAttribute<GraphQLDescriptionAttribute>()?.Description)
            {
                DeprecationReason = field.GetCustomAttribute<GraphQLDeprecatedAttribute>()?.Reason,
            });
        }

        return enumType;
    }

    private NamedType Complex(Type type)
    {
        if (outputTypes.TryGetValue(type, out var existing))
        {
            return existing;
        }

        var settings = new TypeSettings();
        foreach (var (extended, extension) in ExtensionsFor(type))
        {
            typeof(ObjectTypeConfiguration<>).MakeGenericType(extended).GetMethod(nameof(ObjectTypeConfiguration<object>.Apply), BindingFlags.NonPublic | BindingFlags.Static)!
                .Invoke(null, [extension, settings]);
        }

        var name = settings.Name ?? Naming.TypeName(type);
        var description = settings.Description ?? type.GetCustomAttribute<GraphQLDescriptionAttribute>()?.Description;
        ComplexType complex = type.IsInterface || type.IsAbstract
            ? new InterfaceType(name, description) { RuntimeType = type }
            : new ObjectType(name, description) { RuntimeType = type };
        outputTypes[type] = complex;
        AddTypeRules(complex, type);
        if (complex is InterfaceType)
        {
            // The concrete types of an abstract CLR type live beside it: they are its possible types.
            pendingImplementations.AddRange(type.Assembly.GetTypes().Where(t => t.IsVisible && !t.IsAbstract && t.IsClass && type.IsAssignableFrom(t)));
        }

        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).OrderBy(p => Depth(p.DeclaringType!)).ThenBy(p => p.MetadataToken))
        {
            if (property.GetIndexParameters().Length > 0 || settings.Ignored.Contains(property.Name) || property.GetCustomAttribute<GraphQLIgnoreAttribute>() is not null)
            {
                continue;
            }

            var field = new OutputField(Naming.FieldName(property), Output(property.PropertyType, nullability.Create(property)), property.GetCustomAttribute<GraphQLDescriptionAttribute>()?.Description)
            {
                DeprecationReason = property.GetCustomAttribute<GraphQLDeprecatedAttribute>()?.Reason,
                Resolver = ResolverCompiler.Property(property),
            };
            field.Metadata[ProjectionMetadata.Member] = property;
            if (settings.Requires.TryGetValue(property.Name, out var required))
            {
                field.Metadata[ProjectionMetadata.Requires] = required;
            }

            Configure(field, property, property.PropertyType);
            CodeFirstAuthorization.ApplyToField(field, property, NoClassRules);
            complex.Fields.Add(field);
        }

        foreach (var (extended, extension) in ExtensionsFor(type))
        {
            var instance = extension.IsAbstract && extension.IsSealed ? null : Activator.CreateInstance(extension);
            AddMethods(complex, extension, instance, extended);
        }

        return complex;
    }

    private void AddMethods(ComplexType owner, Type declaring, object? instance, Type? parentType)
    {
        const BindingFlags flags = BindingFlags.Public | BindingFlags.Static | BindingFlags.Instance | BindingFlags.DeclaredOnly;
        var methods = declaring.GetMethods(flags).OrderBy(m => m.MetadataToken).ToList();
        var subscription = owner.Name == "Subscription" && parentType is null;
        var streams = subscription
            ? methods.Select(m => m.GetCustomAttribute<SubscribeAttribute>()?.With).Where(w => w is not null).ToHashSet(StringComparer.Ordinal)
            : [];

        // A root class's rules guard each field it adds; an extension's rules guard its type (see AddTypeRules).
        var classRules = parentType is null ? CodeFirstAuthorization.ClassRules(declaring) : NoClassRules;
        foreach (var method in methods)
        {
            if (streams.Contains(method.Name))
            {
                // The event stream of a [Subscribe(With = ...)] field, not a field of its own.
                continue;
            }

            if (method.IsSpecialName || method.Name is "Configure" or "ConfigureFiltering" or "ConfigureSorting" || method.GetCustomAttribute<GraphQLIgnoreAttribute>() is not null
                || method.GetCustomAttribute<System.Runtime.CompilerServices.CompilerGeneratedAttribute>() is not null)
            {
                continue;
            }

            if (method.GetCustomAttribute<Relay.NodeResolverAttribute>() is not null && parentType is not null)
            {
                if (CodeFirstAuthorization.HasAny(method))
                {
                    throw new SchemaException([$"{declaring.Name}.{method.Name}: authorization attributes on a [NodeResolver] would guard only node(id:). Put them on the type ({declaring.Name} or {parentType.Name}): a type rule guards every {parentType.Name} value, through node(id:) and every other path."]);
                }

                nodeResolvers[parentType] = (method, instance);
                continue;
            }

            var name = Naming.FieldName(method);
            var returnInfo = nullability.Create(method.ReturnParameter);
            var field = new OutputField(name, Output(method.ReturnType, returnInfo), method.GetCustomAttribute<GraphQLDescriptionAttribute>()?.Description)
            {
                DeprecationReason = method.GetCustomAttribute<GraphQLDeprecatedAttribute>()?.Reason,
            };
            if (subscription && method.GetCustomAttribute<SubscribeAttribute>() is { } subscribe)
            {
                // Hot Chocolate's shape: the resolver maps each event; the stream comes from another method or a topic.
                field.Resolver = ResolverCompiler.Method(this, method, instance, parentType, field, subscription: false).Resolver;
                field.Subscriber = subscribe.With is { } with
                    ? StreamOf(declaring, with, instance, field)
                    : TopicStream(method, field);
            }
            else
            {
                var compiled = ResolverCompiler.Method(this, method, instance, parentType, field, subscription);
                field.Subscriber = compiled.Subscriber;
                field.Resolver = compiled.Resolver;
            }

            if (method.GetCustomAttribute<RequiresAttribute>() is { } requires)
            {
                field.Metadata[ProjectionMetadata.Requires] = requires.Members;
            }

            Configure(field, method, UnwrapTask(method.ReturnType, returnInfo).Type);
            var stream = subscription && method.GetCustomAttribute<SubscribeAttribute>()?.With is { } streamName ? declaring.GetMethod(streamName) : null;
            CodeFirstAuthorization.ApplyToField(field, method, classRules, stream);
            if (owner.Name == "Mutation" && parentType is null)
            {
                if (mutationConvention is not null)
                {
                    mutationConvention.Apply(field, method);
                }
                else if (method.GetCustomAttribute<ErrorAttribute>() is not null)
                {
                    throw new SchemaException([$"The mutation {field.Name} declares errors, which only the mutation conventions return: call AddMutationConventions()."]);
                }
            }

            // An extension's field replaces the property of the same name (e.g. a navigation loaded by a DataLoader).
            owner.Fields.Replace(field);
        }
    }

    private static readonly (List<Authorization.AuthorizationRule> Rules, bool Anonymous) NoClassRules = ([], false);

    /// <summary>Rules on the CLR type and on its <c>[ObjectType&lt;T&gt;]</c> extensions guard every value of the type.</summary>
    private void AddTypeRules(ComplexType complex, Type type)
    {
        var rules = CodeFirstAuthorization.Rules(type, type.Name);
        var anonymous = CodeFirstAuthorization.IsAnonymous(type);
        foreach (var (_, extension) in ExtensionsFor(type))
        {
            rules.AddRange(CodeFirstAuthorization.Rules(extension, extension.Name).Where(r => !rules.Contains(r)));
            anonymous |= CodeFirstAuthorization.IsAnonymous(extension);
        }

        CodeFirstAuthorization.AddDirectives(complex.Directives, rules, anonymous);
    }

    private SubscribeResolver StreamOf(Type declaring, string name, object? instance, OutputField field)
    {
        var stream = declaring.GetMethod(name, BindingFlags.Public | BindingFlags.Static | BindingFlags.Instance)
            ?? throw new SchemaException([$"The subscription {field.Name} names {name} as its event stream, but {declaring.Name} has no public method {name}."]);
        var type = field.Type;
        var compiled = ResolverCompiler.Method(this, stream, instance, null, field, subscription: true);
        field.Type = type;
        return compiled.Subscriber ?? throw new SchemaException([$"The event stream {declaring.Name}.{name} of the subscription {field.Name} must return an IAsyncEnumerable<T>."]);
    }

    private static SubscribeResolver TopicStream(MethodInfo method, OutputField field)
    {
        var message = method.GetParameters().FirstOrDefault(p => p.GetCustomAttribute<EventMessageAttribute>() is not null)?.ParameterType
            ?? throw new SchemaException([$"The subscription {field.Name} has neither an event stream (Subscribe.With) nor an [EventMessage] parameter to type its topic's events."]);
        var template = method.GetCustomAttribute<TopicAttribute>()?.Name ?? field.Name;
        var subscribe = typeof(Subscriptions.TopicSubscriptions).GetMethod(nameof(Subscriptions.TopicSubscriptions.Subscribe), BindingFlags.NonPublic | BindingFlags.Static)!.MakeGenericMethod(message)
            .CreateDelegate<Func<IResolverContext, string, IAsyncEnumerable<object?>>>();
        return c => ValueTask.FromResult(subscribe(c, Subscriptions.TopicSubscriptions.Format(template, c.Arguments)));
    }

    private void Configure(OutputField field, MemberInfo member, Type clrReturnType)
    {
        foreach (var attribute in member.GetCustomAttributes<FieldConfigurationAttribute>())
        {
            attribute.Configure(new FieldConfigurationContext(field, member, clrReturnType, this));
        }
    }

    private InputObjectType InputObject(Type type)
    {
        if (inputTypes.TryGetValue(type, out var existing))
        {
            return existing;
        }

        if (CodeFirstAuthorization.HasAny(type) || type.GetProperties().Any(CodeFirstAuthorization.HasAny))
        {
            // Input values are sent by the client, not read: such a rule would silently guard nothing.
            throw new SchemaException([$"{type.Name} is used as an input type, where authorization attributes guard nothing. Put the rule on the field (the mutation or query) that takes it."]);
        }

        var name = Naming.TypeName(type);
        var input = new InputObjectType(name.EndsWith("Input", StringComparison.Ordinal) ? name : name + "Input", type.GetCustomAttribute<GraphQLDescriptionAttribute>()?.Description)
        {
            RuntimeType = type,
        };
        inputTypes[type] = input;
        var constructor = type.GetConstructors().OrderByDescending(c => c.GetParameters().Length).FirstOrDefault();
        var parameters = constructor?.GetParameters() ?? [];
        var properties = type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetCustomAttribute<GraphQLIgnoreAttribute>() is null && (p.CanWrite || parameters.Any(c => string.Equals(c.Name, p.Name, StringComparison.OrdinalIgnoreCase))))
            .ToList();
        var ids = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var property in properties)
        {
            var parameter = parameters.FirstOrDefault(p => string.Equals(p.Name, property.Name, StringComparison.OrdinalIgnoreCase));
            var fieldType = Input(property.PropertyType, nullability.Create(property));
            if (property.GetCustomAttributes().OfType<Relay.IIdAttribute>().FirstOrDefault() is { } idAttribute)
            {
                // A global id field: clients pass the opaque id, the input object gets the key of the expected type.
                fieldType = fieldType is NonNullType ? new NonNullType(Scalars.ID) : Scalars.ID;
                ids[property.Name] = idAttribute.NodeType is { } nodeType ? Output(nodeType, null).Named.Name : null;
            }

            var field = new InputField(Naming.FieldName(property), fieldType, property.GetCustomAttribute<GraphQLDescriptionAttribute>()?.Description)
            {
                RuntimeType = property.PropertyType,
                DeprecationReason = property.GetCustomAttribute<GraphQLDeprecatedAttribute>()?.Reason,
            };
            if (parameter is { HasDefaultValue: true } && DefaultLiteral(field.Type, parameter.DefaultValue) is { } literal)
            {
                field.DefaultValue = literal;
            }

            input.Fields.Add(field);
        }

        input.Factory = ResolverCompiler.InputFactory(type, constructor, properties, input, ids);
        return input;
    }

    internal static Gql.Language.Ast.ValueNode? DefaultLiteral(GraphQLType type, object? value)
    {
        if (value is null)
        {
            // A null default says nothing an absent argument does not: leave it out, as Hot Chocolate does.
            return null;
        }

        return type.Named switch
        {
            ScalarType scalar => scalar.ToLiteral(value),
            EnumType e when e.FindByRuntimeValue(value) is { } v => new Gql.Language.Ast.EnumValueNode(v.Name),
            _ => null,
        };
    }

    /// <summary>Extensions of the type and of its base types and interfaces, bases first: a base's fields are inherited.</summary>
    private IEnumerable<(Type Extended, Type Extension)> ExtensionsFor(Type type) =>
        extensions.Where(kv => kv.Key.IsAssignableFrom(type))
            .OrderBy(kv => kv.Key.IsInterface ? -1 : Depth(kv.Key))
            .SelectMany(kv => kv.Value.Select(e => (kv.Key, e)));

    private static int Depth(Type type) => type.BaseType is null ? 0 : 1 + Depth(type.BaseType);

    private static Type? ExtendedType(Type type) =>
        type.GetCustomAttributes().Select(a => a.GetType()).FirstOrDefault(a => a.IsGenericType && a.GetGenericTypeDefinition() == typeof(ObjectTypeAttribute<>))?.GetGenericArguments()[0];

    internal static (Type Type, NullabilityInfo? Info) UnwrapTask(Type type, NullabilityInfo? info)
    {
        if (type.IsGenericType && (type.GetGenericTypeDefinition() == typeof(Task<>) || type.GetGenericTypeDefinition() == typeof(ValueTask<>)))
        {
            return (type.GetGenericArguments()[0], info?.GenericTypeArguments.FirstOrDefault());
        }

        return (type, info);
    }

    private static (Type Type, bool NonNull) Nullability(Type type, NullabilityInfo? info)
    {
        if (Nullable.GetUnderlyingType(type) is { } underlying)
        {
            return (underlying, false);
        }

        return type.IsValueType ? (type, true) : (type, info is null || info.ReadState != NullabilityState.Nullable);
    }

    /// <summary>
    /// The element type of a list-like CLR type (arrays, IEnumerable&lt;T&gt;, IQueryable&lt;T&gt;), not strings or
    /// dictionaries; null for other types. Field middleware attributes use it to find what a resolver's list holds.
    /// </summary>
    public static Type? ElementType(Type type)
    {
        if (type == typeof(string) || typeof(IDictionary).IsAssignableFrom(type))
        {
            return null;
        }

        if (type.IsArray)
        {
            return type.GetElementType();
        }

        var enumerable = type.IsGenericType && type.GetGenericTypeDefinition() is var d && (d == typeof(IEnumerable<>) || d == typeof(IAsyncEnumerable<>))
            ? type
            : type.GetInterfaces().FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>));
        return enumerable?.GetGenericArguments()[0];
    }

    private static NullabilityInfo? ElementInfo(Type type, NullabilityInfo? info) =>
        info is null ? null : type.IsArray ? info.ElementType : info.GenericTypeArguments.FirstOrDefault();

    /// <summary>Per-type settings gathered from <c>Configure</c> methods of extensions.</summary>
    internal sealed class TypeSettings
    {
        public HashSet<string> Ignored { get; } = new(StringComparer.Ordinal);
        public Dictionary<string, string[]> Requires { get; } = new(StringComparer.Ordinal);
        public string? Name { get; set; }
        public string? Description { get; set; }
    }
}
