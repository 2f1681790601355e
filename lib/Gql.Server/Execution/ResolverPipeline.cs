using System.Collections;
using System.Collections.Concurrent;
using System.Linq.Expressions;
using System.Reflection;
using System.Runtime.CompilerServices;
using Gql.Server.Types;

namespace Gql.Server.Execution;

/// <summary>Composes each field's middleware around its resolver once, when the schema is built.</summary>
internal static class ResolverPipeline
{
    /// <summary>Resolvers that only read a member of the parent, with that read (registered by the code-first builder).</summary>
    public static readonly ConditionalWeakTable<FieldResolver, Func<object, object?>> ParentReaders = new();

    public static void Compose(Schema schema)
    {
        foreach (var type in schema.Types.Values.OfType<ComplexType>())
        {
            foreach (var field in type.Fields)
            {
                var name = field.Name;
                field.ParentReader = field.Middleware.Count > 0 ? null
                    : field.Resolver is null ? parent => DefaultResolver.Read(parent, name)
                    : ParentReaders.TryGetValue(field.Resolver, out var read) ? read : null;
                var resolver = field.Resolver ?? DefaultResolver.For(field.Name);
                for (var i = field.Middleware.Count - 1; i >= 0; i--)
                {
                    resolver = field.Middleware[i](resolver);
                }

                field.Pipeline = resolver;
            }
        }

        foreach (var meta in new[] { Introspection.IntrospectionTypes.SchemaField, Introspection.IntrospectionTypes.TypeField, Introspection.IntrospectionTypes.TypeNameField })
        {
            meta.Pipeline ??= meta.Resolver;
        }
    }
}

/// <summary>
/// Reads a field from its parent when no resolver is given: a dictionary entry, or a public property or field whose
/// name matches case-insensitively. Accessors are compiled once per CLR type and member.
/// </summary>
public static class DefaultResolver
{
    private static readonly ConcurrentDictionary<(Type, string), Func<object, object?>?> Accessors = new();

    public static FieldResolver For(string name) => context => ValueTask.FromResult(Read(context.Parent, name));

    public static object? Read(object? parent, string name)
    {
        switch (parent)
        {
            case null:
                return null;
            case IReadOnlyDictionary<string, object?> map:
                return map.GetValueOrDefault(name);
            case IDictionary dictionary:
                return dictionary.Contains(name) ? dictionary[name] : null;
        }

        var accessor = Accessors.GetOrAdd((parent.GetType(), name), static key => Compile(key.Item1, key.Item2));
        return accessor?.Invoke(parent);
    }

    private static Func<object, object?>? Compile(Type type, string name)
    {
        const BindingFlags flags = BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase;
        MemberInfo? member = (MemberInfo?)type.GetProperty(name, flags) ?? type.GetField(name, flags);
        if (member is null)
        {
            return null;
        }

        var parameter = Expression.Parameter(typeof(object), "parent");
        var access = Expression.MakeMemberAccess(Expression.Convert(parameter, type), member);
        return Expression.Lambda<Func<object, object?>>(Expression.Convert(access, typeof(object)), parameter).Compile();
    }
}
