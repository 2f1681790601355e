using Gql.Server.Types;

namespace Gql.Server.Authorization;

/// <summary>
/// Turns the <c>@authorize</c>/<c>@allowAnonymous</c> directives of a schema into the rules the executor checks, once,
/// when the schema is built. Contradictions fail the build instead of being resolved silently.
/// </summary>
internal static class AuthorizationCompiler
{
    /// <summary>
    /// Moves interface rules to the object types that implement them (a value of an interface is always a value of
    /// one of them, and <c>@authorize</c> is defined on OBJECT and FIELD_DEFINITION), so the printed SDL shows each
    /// rule where it is enforced; then adds the directive definitions when the types use them and the schema does not
    /// define them itself.
    /// </summary>
    public static void AddDefinitions(IEnumerable<NamedType> types, Dictionary<string, DirectiveType> directives)
    {
        var objects = types.OfType<ObjectType>().ToList();
        foreach (var iface in types.OfType<InterfaceType>())
        {
            var typeRules = iface.Directives.Where(d => d.Name == AuthorizationDirectives.AuthorizeName).ToList();
            foreach (var type in objects.Where(o => o.Implements(iface)))
            {
                CopyRules(typeRules, type.Directives);
                foreach (var field in iface.Fields)
                {
                    if (type.Fields.Find(field.Name) is { } implementation)
                    {
                        CopyRules(field.Directives.Where(d => d.Name == AuthorizationDirectives.AuthorizeName), implementation.Directives);
                    }
                }
            }

            iface.Directives.RemoveAll(d => d.Name == AuthorizationDirectives.AuthorizeName);
        }

        var used = new HashSet<string>(StringComparer.Ordinal);
        foreach (var complex in types.OfType<ComplexType>())
        {
            foreach (var directive in complex.Directives.Concat(complex.Fields.SelectMany(f => f.Directives)))
            {
                if (AuthorizationDirectives.IsAuthorizationDirective(directive.Name))
                {
                    used.Add(directive.Name);
                }
            }
        }

        if (used.Contains(AuthorizationDirectives.AuthorizeName))
        {
            directives.TryAdd(AuthorizationDirectives.AuthorizeName, AuthorizationDirectives.Authorize);
        }

        if (used.Contains(AuthorizationDirectives.AllowAnonymousName))
        {
            directives.TryAdd(AuthorizationDirectives.AllowAnonymousName, AuthorizationDirectives.AllowAnonymous);
        }
    }

    public static List<string> Compile(Schema schema)
    {
        var errors = new List<string>();
        var typeRules = new Dictionary<ComplexType, List<AuthorizationRule>>();
        foreach (var complex in schema.Types.Values.OfType<ComplexType>())
        {
            if (IsIntrospection(complex))
            {
                continue;
            }

            var rules = AuthorizationDirectives.Rules(complex.Directives, complex.Name, errors);
            if (rules.Count > 0 && AuthorizationDirectives.HasAllowAnonymous(complex.Directives))
            {
                errors.Add($"{complex.Name} has both @authorize and @allowAnonymous: remove one of them.");
            }

            typeRules[complex] = rules;
        }

        foreach (var type in schema.Types.Values.OfType<ObjectType>())
        {
            if (IsIntrospection(type))
            {
                continue;
            }

            var isRoot = ReferenceEquals(type, schema.QueryType) || ReferenceEquals(type, schema.MutationType) || ReferenceEquals(type, schema.SubscriptionType);

            // An interface's rule guards its implementations: a value of the interface is always a value of one of them.
            var guard = new List<AuthorizationRule>(typeRules[type]);
            foreach (var iface in type.Interfaces)
            {
                AddDistinct(guard, typeRules.GetValueOrDefault(iface) ?? []);
            }

            // Root values are not completed like other objects: a root type's rule applies to each of its fields.
            type.Authorization = isRoot || guard.Count == 0 ? null : guard.ToArray();
            type.AllowsAnonymous = AuthorizationDirectives.HasAllowAnonymous(type.Directives);
            foreach (var field in type.Fields)
            {
                var coordinate = $"{type.Name}.{field.Name}";
                var rules = AuthorizationDirectives.Rules(field.Directives, coordinate, errors);
                foreach (var iface in type.Interfaces)
                {
                    // A rule on an interface field would otherwise do nothing: interface fields never resolve.
                    if (iface.Fields.Find(field.Name) is { } declared)
                    {
                        AddDistinct(rules, AuthorizationDirectives.Rules(declared.Directives, $"{iface.Name}.{field.Name}", errors));
                    }
                }

                var anonymous = AuthorizationDirectives.HasAllowAnonymous(field.Directives);
                if (anonymous && rules.Count > 0)
                {
                    errors.Add($"{coordinate} has both @authorize and @allowAnonymous: remove one of them.");
                }
                else if (anonymous && !isRoot && guard.Count > 0)
                {
                    errors.Add($"{coordinate} is @allowAnonymous, but its type {type.Name} is guarded ({string.Join(" ", guard)}): a type rule hides every {type.Name} value, so the field could never be read anonymously. Move the type's rule to its other fields, or remove @allowAnonymous.");
                }

                if (isRoot && !anonymous)
                {
                    AddDistinct(rules, guard);
                }

                field.Authorization = rules.Count > 0 ? rules.ToArray() : null;
                field.AllowsAnonymous = anonymous || (type.AllowsAnonymous && rules.Count == 0);
            }
        }

        CompileArgumentGuards(schema);
        return errors;
    }

    /// <summary>
    /// Filtering and sorting read data too: <c>patients(where: { diagnosis: { startsWith: "A" } })</c> tells a user who
    /// may not read <c>diagnosis</c> which patients have it. The fields of <c>&lt;T&gt;FilterInput</c> and
    /// <c>&lt;T&gt;SortInput</c> are guarded by the rules of <c>T</c> and of <c>T</c>'s field of the same name, checked
    /// before the resolver whenever an argument uses them (nested inputs included).
    /// </summary>
    private static void CompileArgumentGuards(Schema schema)
    {
        var guards = new Dictionary<InputObjectType, Dictionary<string, ArgumentGuard>>();
        foreach (var input in schema.Types.Values.OfType<InputObjectType>())
        {
            var typeName = input.Name.EndsWith("FilterInput", StringComparison.Ordinal) ? input.Name[..^"FilterInput".Length]
                : input.Name.EndsWith("SortInput", StringComparison.Ordinal) ? input.Name[..^"SortInput".Length]
                : null;
            if (typeName is null || schema.FindType(typeName) is not ObjectType type)
            {
                continue;
            }

            foreach (var field in input.Fields)
            {
                if (type.Fields.Find(field.Name) is not { } output)
                {
                    continue;
                }

                var rules = new List<AuthorizationRule>(type.Authorization ?? []);
                AddDistinct(rules, output.Authorization ?? []);
                if (rules.Count > 0)
                {
                    if (!guards.TryGetValue(input, out var byField))
                    {
                        guards[input] = byField = new Dictionary<string, ArgumentGuard>(StringComparer.Ordinal);
                    }

                    byField[field.Name] = new ArgumentGuard(type, output, rules.ToArray());
                }
            }
        }

        // The input types from which a guarded input field can be reached (through nested inputs and lists).
        var reachable = new HashSet<InputObjectType>(guards.Keys);
        var inputs = schema.Types.Values.OfType<InputObjectType>().ToList();
        for (var changed = reachable.Count > 0; changed;)
        {
            changed = false;
            foreach (var input in inputs)
            {
                if (!reachable.Contains(input) && input.Fields.Any(f => f.Type.Named is InputObjectType nested && reachable.Contains(nested)))
                {
                    changed |= reachable.Add(input);
                }
            }
        }

        foreach (var type in schema.Types.Values.OfType<ObjectType>())
        {
            foreach (var field in type.Fields)
            {
                var arguments = field.Arguments.Where(a => a.Type.Named is InputObjectType input && reachable.Contains(input)).Select(a => a.Name).ToArray();
                field.ArgumentGuards = arguments.Length == 0 ? null : new ArgumentGuards(arguments, guards, reachable);
            }
        }
    }

    private static void CopyRules(IEnumerable<AppliedDirective> rules, List<AppliedDirective> target)
    {
        var ignored = new List<string>();
        var existing = AuthorizationDirectives.Rules(target, string.Empty, ignored);
        foreach (var directive in rules)
        {
            if (AuthorizationDirectives.Rules([directive], string.Empty, ignored) is [var rule] && !existing.Contains(rule))
            {
                target.Add(directive);
                existing.Add(rule);
            }
        }
    }

    internal static bool IsIntrospection(NamedType type) => type.Name.StartsWith("__", StringComparison.Ordinal);

    private static void AddDistinct(List<AuthorizationRule> target, IEnumerable<AuthorizationRule> rules)
    {
        foreach (var rule in rules)
        {
            if (!target.Contains(rule))
            {
                target.Add(rule);
            }
        }
    }
}

/// <summary>The rules of one filter or sort input field: those of the object type and of its field of the same name.</summary>
internal sealed record ArgumentGuard(ObjectType Type, OutputField Field, AuthorizationRule[] Rules);

/// <summary>Finds the guarded input fields an argument value uses.</summary>
internal sealed class ArgumentGuards(string[] arguments, Dictionary<InputObjectType, Dictionary<string, ArgumentGuard>> guards, HashSet<InputObjectType> reachable)
{
    public List<ArgumentGuard>? Find(OutputField field, IReadOnlyDictionary<string, object?> values)
    {
        List<ArgumentGuard>? found = null;
        foreach (var name in arguments)
        {
            if (values.TryGetValue(name, out var value) && field.Arguments.Find(name)?.Type.Named is InputObjectType input)
            {
                Walk(input, value, ref found);
            }
        }

        return found;
    }

    private void Walk(InputObjectType input, object? value, ref List<ArgumentGuard>? found)
    {
        switch (value)
        {
            case IReadOnlyDictionary<string, object?> map:
                var byField = guards.GetValueOrDefault(input);
                foreach (var (key, fieldValue) in map)
                {
                    if (byField is not null && byField.TryGetValue(key, out var guard) && !(found ??= []).Contains(guard))
                    {
                        found.Add(guard);
                    }

                    if (input.Fields.Find(key)?.Type.Named is InputObjectType nested && reachable.Contains(nested))
                    {
                        Walk(nested, fieldValue, ref found);
                    }
                }

                break;
            case System.Collections.IEnumerable items and not string:
                foreach (var item in items)
                {
                    Walk(input, item, ref found);
                }

                break;
        }
    }
}
