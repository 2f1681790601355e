using System.Collections;
using System.Globalization;
using System.Linq.Expressions;
using System.Reflection;
using System.Security.Claims;
using Gql.Server.Execution;
using Gql.Server.Types;

namespace Gql.Server;

/// <summary>
/// Turns C# members into resolvers once, when the schema is built: member access and method calls are compiled
/// expression trees; each parameter gets a precomputed binder (argument, parent, service, context, token).
/// </summary>
internal static class ResolverCompiler
{
    public static FieldResolver Property(PropertyInfo property)
    {
        var context = Expression.Parameter(typeof(IResolverContext), "context");
        var parent = Expression.Convert(Expression.Property(context, nameof(IResolverContext.Parent)), property.DeclaringType!);
        var read = Expression.Lambda<Func<IResolverContext, object?>>(Expression.Convert(Expression.Property(parent, property), typeof(object)), context).Compile();
        FieldResolver resolver = c => ValueTask.FromResult(read(c));
        var value = Expression.Parameter(typeof(object), "parent");
        var member = Expression.Lambda<Func<object, object?>>(Expression.Convert(Expression.Property(Expression.Convert(value, property.DeclaringType!), property), typeof(object)), value).Compile();
        ResolverPipeline.ParentReaders.AddOrUpdate(resolver, member);
        return resolver;
    }

    public static (FieldResolver Resolver, SubscribeResolver? Subscriber) Method(CodeFirstSchemaBuilder builder, MethodInfo method, object? instance, Type? parentType, OutputField field, bool subscription)
    {
        var parameters = method.GetParameters();
        var binders = new Func<IResolverContext, object?>[parameters.Length];
        var parentBound = false;
        for (var i = 0; i < parameters.Length; i++)
        {
            binders[i] = Bind(builder, parameters[i], parentType, ref parentBound, field);
        }

        var invoke = CompileInvoker(method);
        var target = method.IsStatic ? null : instance;
        object? Call(IResolverContext c)
        {
            var args = new object?[binders.Length];
            for (var i = 0; i < binders.Length; i++)
            {
                args[i] = binders[i](c);
            }

            return invoke(target, args);
        }

        var (resultType, _) = CodeFirstSchemaBuilder.UnwrapTask(method.ReturnType, null);
        if (subscription && IsAsyncStream(resultType, out var eventType))
        {
            // Subscription: the method makes the event stream; each event is the root value of its execution.
            var unwrapStream = Unwrapper(method.ReturnType);
            var adapt = StreamAdapter(eventType);
            field.Type = field.Type is NonNullType { OfType: ListType list } ? list.OfType : field.Type is ListType l ? l.OfType : field.Type;
            SubscribeResolver subscriber = async c => adapt(await unwrapStream(Call(c)));
            return (c => ValueTask.FromResult(c.Parent), subscriber);
        }

        var unwrap = Unwrapper(method.ReturnType);
        return (c => unwrap(Call(c)), null);
    }

    public static Func<IReadOnlyDictionary<string, object?>, object> InputFactory(Type type, ConstructorInfo? constructor, List<PropertyInfo> properties, InputObjectType input, IReadOnlyDictionary<string, string?>? ids = null)
    {
        object? Convert(string member, object? value, Type target) =>
            ids is not null && ids.TryGetValue(member, out var expected) && value is string id
                ? Relay.NodeIds.DecodeKey(id, expected, target)
                : ArgumentConverter.Convert(value, target);

        var ctorParameters = constructor?.GetParameters() ?? [];
        var fieldOf = properties.ToDictionary(p => p.Name, p => input.Fields.First(f => f.RuntimeType == p.PropertyType && string.Equals(f.Name, Naming.FieldName(p), StringComparison.Ordinal)).Name, StringComparer.OrdinalIgnoreCase);
        var create = constructor is null ? null : CompileConstructor(constructor);
        var setters = properties.Where(p => p.CanWrite && !ctorParameters.Any(c => string.Equals(c.Name, p.Name, StringComparison.OrdinalIgnoreCase))).ToList();
        return values =>
        {
            var args = new object?[ctorParameters.Length];
            for (var i = 0; i < ctorParameters.Length; i++)
            {
                var p = ctorParameters[i];
                args[i] = fieldOf.TryGetValue(p.Name!, out var name) && values.TryGetValue(name, out var value)
                    ? Convert(p.Name!, value, p.ParameterType)
                    : p.HasDefaultValue ? p.DefaultValue : Default(p.ParameterType);
            }

            var result = create is null ? Activator.CreateInstance(type)! : create(args);
            foreach (var property in setters)
            {
                if (values.TryGetValue(fieldOf[property.Name], out var value))
                {
                    property.SetValue(result, Convert(property.Name, value, property.PropertyType));
                }
            }

            return result;
        };
    }

    /// <summary>
    /// A DataLoader is scoped, one per request, and a relation asks for it once per parent: resolving it from the scope
    /// every time took the scope's lock for each list item, which showed as lock contention under load. The request
    /// keeps the instance it resolved first, tied to the service provider it came from, so a subscription event (which
    /// runs in a scope of its own) never reuses another event's loader and cache.
    /// </summary>
    private static Func<IResolverContext, object?> RequestDataLoader(Type type)
    {
        var key = "gql.dataloader:" + type.FullName;
        return c =>
        {
            if (c.RequestData.TryGetValue(key, out var cached) && cached is ResolvedService resolved && ReferenceEquals(resolved.Services, c.Services))
            {
                return resolved.Instance;
            }

            var instance = c.Services.GetService(type) ?? throw new InvalidOperationException($"No service of type {type.Name} is registered.");
            c.RequestData[key] = new ResolvedService(c.Services, instance);
            return instance;
        };
    }

    private sealed record ResolvedService(IServiceProvider Services, object Instance);

    private static Func<IResolverContext, object?> Bind(CodeFirstSchemaBuilder builder, ParameterInfo parameter, Type? parentType, ref bool parentBound, OutputField field)
    {
        var type = parameter.ParameterType;
        if (type == typeof(IResolverContext))
        {
            return c => c;
        }

        if (type == typeof(CancellationToken))
        {
            return c => c.RequestAborted;
        }

        if (type == typeof(ClaimsPrincipal))
        {
            return c => c.User;
        }

        if (parameter.GetCustomAttribute<EventMessageAttribute>() is not null)
        {
            // A [Subscribe] resolver runs with the event as the root value of its execution.
            return c => ArgumentConverter.Convert(c.Parent, type);
        }

        if (parameter.GetCustomAttribute<ParentAttribute>() is not null || (!parentBound && parentType is not null && type.IsAssignableFrom(parentType)))
        {
            parentBound = true;
            return c => c.Parent;
        }

        if (builder.IsResolverScoped(type))
        {
            var create = builder.ResolverScopedFactory(type);
            return c =>
            {
                var instance = create(c.Services);
                c.RegisterCleanup(instance);
                return instance;
            };
        }

        if (parameter.GetCustomAttribute<ServiceAttribute>() is not null || builder.IsService(type))
        {
            return typeof(IBatchDispatcher).IsAssignableFrom(type)
                ? RequestDataLoader(type)
                : c => c.Services.GetService(type) ?? throw new InvalidOperationException($"No service of type {type.Name} is registered.");
        }

        var name = parameter.GetCustomAttribute<GraphQLNameAttribute>()?.Name ?? Naming.CamelCase(parameter.Name!);
        if (parameter.GetCustomAttributes().OfType<Relay.IIdAttribute>().FirstOrDefault() is { } idAttribute)
        {
            // A global id argument: clients pass the opaque id, the resolver gets the key of the expected type.
            var nullable = !type.IsValueType ? builder.NullabilityOf(parameter).ReadState == NullabilityState.Nullable : Nullable.GetUnderlyingType(type) is not null;
            var expected = idAttribute.NodeType is { } nodeType ? builder.Output(nodeType, null).Named.Name : null;
            field.Arguments.Add(new InputField(name, nullable ? Scalars.ID : new NonNullType(Scalars.ID), parameter.GetCustomAttribute<GraphQLDescriptionAttribute>()?.Description) { RuntimeType = type });
            return c => c.Arguments.TryGetValue(name, out var value) && value is string id ? Relay.NodeIds.DecodeKey(id, expected, type) : null;
        }

        var argument = new InputField(name, builder.Input(type, builder.NullabilityOf(parameter)), parameter.GetCustomAttribute<GraphQLDescriptionAttribute>()?.Description)
        {
            RuntimeType = type,
            DeprecationReason = parameter.GetCustomAttribute<GraphQLDeprecatedAttribute>()?.Reason,
        };
        if (parameter.HasDefaultValue)
        {
            argument.DefaultValue = CodeFirstSchemaBuilder.DefaultLiteral(argument.Type, parameter.DefaultValue);
        }

        field.Arguments.Add(argument);
        var fallback = parameter.HasDefaultValue ? parameter.DefaultValue : Default(type);
        return c => c.Arguments.TryGetValue(name, out var value) ? ArgumentConverter.Convert(value, type) : fallback;
    }

    private static Func<object?, object?[], object?> CompileInvoker(MethodInfo method)
    {
        var target = Expression.Parameter(typeof(object), "target");
        var args = Expression.Parameter(typeof(object?[]), "args");
        var call = Expression.Call(
            method.IsStatic ? null : Expression.Convert(target, method.DeclaringType!),
            method,
            method.GetParameters().Select((p, i) => Expression.Convert(Expression.ArrayIndex(args, Expression.Constant(i)), p.ParameterType)));
        Expression body = method.ReturnType == typeof(void)
            ? Expression.Block(call, Expression.Constant(null, typeof(object)))
            : Expression.Convert(call, typeof(object));
        return Expression.Lambda<Func<object?, object?[], object?>>(body, target, args).Compile();
    }

    private static Func<object?[], object> CompileConstructor(ConstructorInfo constructor)
    {
        var args = Expression.Parameter(typeof(object?[]), "args");
        var create = Expression.New(constructor, constructor.GetParameters().Select((p, i) => Expression.Convert(Expression.ArrayIndex(args, Expression.Constant(i)), p.ParameterType)));
        return Expression.Lambda<Func<object?[], object>>(Expression.Convert(create, typeof(object)), args).Compile();
    }

    /// <summary>Turns whatever the method returned (T, Task&lt;T&gt;, ValueTask&lt;T&gt;, Task) into a ValueTask&lt;object?&gt;.</summary>
    private static Func<object?, ValueTask<object?>> Unwrapper(Type returnType)
    {
        if (returnType.IsGenericType && returnType.GetGenericTypeDefinition() == typeof(Task<>))
        {
            var method = typeof(ResolverCompiler).GetMethod(nameof(FromTask), BindingFlags.NonPublic | BindingFlags.Static)!.MakeGenericMethod(returnType.GetGenericArguments()[0]);
            return method.CreateDelegate<Func<object?, ValueTask<object?>>>();
        }

        if (returnType.IsGenericType && returnType.GetGenericTypeDefinition() == typeof(ValueTask<>))
        {
            var method = typeof(ResolverCompiler).GetMethod(nameof(FromValueTask), BindingFlags.NonPublic | BindingFlags.Static)!.MakeGenericMethod(returnType.GetGenericArguments()[0]);
            return method.CreateDelegate<Func<object?, ValueTask<object?>>>();
        }

        if (returnType == typeof(Task) || returnType == typeof(ValueTask))
        {
            return async result =>
            {
                await (result is Task t ? new ValueTask(t) : (ValueTask)result!);
                return null;
            };
        }

        return result => ValueTask.FromResult(result);
    }

    private static async ValueTask<object?> FromTask<T>(object? task) => await (Task<T>)task!;

    private static async ValueTask<object?> FromValueTask<T>(object? task) => await (ValueTask<T>)task!;

    private static bool IsAsyncStream(Type type, out Type element)
    {
        var stream = type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IAsyncEnumerable<>)
            ? type
            : type.GetInterfaces().FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IAsyncEnumerable<>));
        element = stream?.GetGenericArguments()[0] ?? typeof(object);
        return stream is not null && !typeof(IQueryable).IsAssignableFrom(type);
    }

    private static Func<object?, IAsyncEnumerable<object?>> StreamAdapter(Type element)
    {
        var method = typeof(ResolverCompiler).GetMethod(nameof(Box), BindingFlags.NonPublic | BindingFlags.Static)!.MakeGenericMethod(element);
        return method.CreateDelegate<Func<object?, IAsyncEnumerable<object?>>>();
    }

    private static async IAsyncEnumerable<object?> Box<T>(object? stream)
    {
        await foreach (var item in (IAsyncEnumerable<T>)stream!)
        {
            yield return item;
        }
    }

    private static object? Default(Type type) => type.IsValueType && Nullable.GetUnderlyingType(type) is null ? Activator.CreateInstance(type) : null;
}

/// <summary>Converts coerced GraphQL values (lists of object, dictionaries, scalars) to the CLR type a parameter expects.</summary>
public static class ArgumentConverter
{
    public static object? Convert(object? value, Type target)
    {
        if (value is null)
        {
            return target.IsValueType && Nullable.GetUnderlyingType(target) is null ? Activator.CreateInstance(target) : null;
        }

        if (target.IsInstanceOfType(value))
        {
            return value;
        }

        target = Nullable.GetUnderlyingType(target) ?? target;
        if (target.IsInstanceOfType(value))
        {
            return value;
        }

        if (value is IList items && CodeFirstSchemaBuilder.ElementType(target) is { } element)
        {
            var list = (IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(element), items.Count)!;
            foreach (var item in items)
            {
                list.Add(Convert(item, element));
            }

            if (target.IsArray)
            {
                var array = Array.CreateInstance(element, list.Count);
                list.CopyTo(array, 0);
                return array;
            }

            return target.IsAssignableFrom(list.GetType()) ? list : Activator.CreateInstance(target, list);
        }

        return (value, target) switch
        {
            (DateTimeOffset d, _) when target == typeof(DateTime) => d.UtcDateTime,
            (string s, _) when target.IsEnum => Enum.Parse(target, s),
            (IConvertible, _) when typeof(IConvertible).IsAssignableFrom(target) => System.Convert.ChangeType(value, target, CultureInfo.InvariantCulture),
            _ => throw new InvalidCastException($"Cannot convert {value.GetType().Name} to {target.Name}."),
        };
    }
}
