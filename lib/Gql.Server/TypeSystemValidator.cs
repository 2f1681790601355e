using Gql.Server.Types;

namespace Gql.Server;

/// <summary>The type system's validation rules (spec section 3): what makes a schema well-formed.</summary>
internal static class TypeSystemValidator
{
    public static List<string> Validate(Schema schema)
    {
        var errors = new List<string>();
        foreach (var type in schema.Types.Values)
        {
            var introspection = type.Name.StartsWith("__", StringComparison.Ordinal);
            if (introspection && !Introspection.IntrospectionTypes.All.Contains(type))
            {
                errors.Add($"Name \"{type.Name}\" must not begin with \"__\", which is reserved by GraphQL introspection.");
            }

            switch (type)
            {
                case ComplexType complex:
                    ValidateFields(complex, introspection, errors);
                    ValidateInterfaces(schema, complex, errors);
                    break;
                case UnionType union:
                    if (union.Types.Count == 0)
                    {
                        errors.Add($"Union type {union.Name} must define one or more member types.");
                    }

                    foreach (var duplicate in union.Types.GroupBy(t => t.Name).Where(g => g.Count() > 1))
                    {
                        errors.Add($"Union type {union.Name} can only include type {duplicate.Key} once.");
                    }

                    break;
                case EnumType enumType when enumType.Values.Count == 0:
                    errors.Add($"Enum type {enumType.Name} must define one or more values.");
                    break;
                case InputObjectType input:
                    ValidateInputObject(input, errors);
                    break;
            }
        }

        foreach (var directive in schema.Directives.Values)
        {
            ValidateArguments($"@{directive.Name}", directive.Arguments, errors);
        }

        return errors;
    }

    private static void ValidateFields(ComplexType type, bool introspection, List<string> errors)
    {
        if (type.Fields.Count == 0)
        {
            errors.Add($"Type {type.Name} must define one or more fields.");
        }

        foreach (var field in type.Fields)
        {
            if (!introspection && field.Name.StartsWith("__", StringComparison.Ordinal))
            {
                errors.Add($"Name \"{field.Name}\" of {type.Name}.{field.Name} must not begin with \"__\", which is reserved by GraphQL introspection.");
            }

            ValidateArguments($"{type.Name}.{field.Name}", field.Arguments, errors);
        }
    }

    private static void ValidateArguments(string owner, FieldArguments arguments, List<string> errors)
    {
        foreach (var argument in arguments)
        {
            if (argument.Name.StartsWith("__", StringComparison.Ordinal))
            {
                errors.Add($"Name \"{argument.Name}\" of {owner}({argument.Name}:) must not begin with \"__\", which is reserved by GraphQL introspection.");
            }

            if (argument.Type.IsNonNull && !argument.HasDefault && argument.IsDeprecated)
            {
                errors.Add($"Required argument {owner}({argument.Name}:) cannot be deprecated.");
            }
        }
    }

    private static void ValidateInterfaces(Schema schema, ComplexType type, List<string> errors)
    {
        foreach (var duplicate in type.Interfaces.GroupBy(i => i.Name).Where(g => g.Count() > 1))
        {
            errors.Add($"Type {type.Name} can only implement {duplicate.Key} once.");
        }

        foreach (var iface in type.Interfaces)
        {
            if (ReferenceEquals(iface, type))
            {
                errors.Add($"Type {type.Name} cannot implement itself because it would create a circular reference.");
                continue;
            }

            foreach (var transitive in iface.Interfaces)
            {
                if (!type.Implements(transitive) && !ReferenceEquals(transitive, type))
                {
                    errors.Add($"Type {type.Name} must implement {transitive.Name} because it is implemented by {iface.Name}.");
                }
            }

            foreach (var expected in iface.Fields)
            {
                var actual = type.Fields.Find(expected.Name);
                if (actual is null)
                {
                    errors.Add($"Interface field {iface.Name}.{expected.Name} expected but {type.Name} does not provide it.");
                    continue;
                }

                if (!IsSubtype(schema, actual.Type, expected.Type))
                {
                    errors.Add($"Interface field {iface.Name}.{expected.Name} expects type {expected.Type} but {type.Name}.{expected.Name} is type {actual.Type}.");
                }

                foreach (var expectedArgument in expected.Arguments)
                {
                    var actualArgument = actual.Arguments.Find(expectedArgument.Name);
                    if (actualArgument is null)
                    {
                        errors.Add($"Interface field argument {iface.Name}.{expected.Name}({expectedArgument.Name}:) expected but {type.Name}.{expected.Name} does not provide it.");
                    }
                    else if (!GraphQLType.AreEqual(actualArgument.Type, expectedArgument.Type))
                    {
                        errors.Add($"Interface field argument {iface.Name}.{expected.Name}({expectedArgument.Name}:) expects type {expectedArgument.Type} but {type.Name}.{expected.Name}({expectedArgument.Name}:) is type {actualArgument.Type}.");
                    }
                }

                foreach (var extra in actual.Arguments)
                {
                    if (!expected.Arguments.Contains(extra.Name) && extra.Type.IsNonNull && !extra.HasDefault)
                    {
                        errors.Add($"Argument \"{type.Name}.{expected.Name}({extra.Name}:)\" must not be required type \"{extra.Type}\" if not provided by the Interface field \"{iface.Name}.{expected.Name}\".");
                    }
                }
            }
        }
    }

    private static void ValidateInputObject(InputObjectType input, List<string> errors)
    {
        if (input.Fields.Count == 0)
        {
            errors.Add($"Input Object type {input.Name} must define one or more fields.");
        }

        ValidateArguments(input.Name, input.Fields, errors);
        if (input.IsOneOf)
        {
            foreach (var field in input.Fields)
            {
                if (field.Type.IsNonNull)
                {
                    errors.Add($"OneOf input field {input.Name}.{field.Name} must be nullable.");
                }

                if (field.HasDefault)
                {
                    errors.Add($"OneOf input field {input.Name}.{field.Name} cannot have a default value.");
                }
            }
        }

        // An input object may not reference itself through non-null, non-list fields only: no value could be written.
        var path = new List<string>();
        var visited = new HashSet<InputObjectType>();
        void Walk(InputObjectType current)
        {
            if (!visited.Add(current))
            {
                return;
            }

            foreach (var field in current.Fields)
            {
                if (field.Type is NonNullType { OfType: InputObjectType next })
                {
                    path.Add(field.Name);
                    if (ReferenceEquals(next, input))
                    {
                        errors.Add($"Cannot reference Input Object \"{input.Name}\" within itself through a series of non-null fields: \"{string.Join(".", path)}\".");
                    }
                    else
                    {
                        Walk(next);
                    }

                    path.RemoveAt(path.Count - 1);
                }
            }
        }

        Walk(input);
    }

    /// <summary>Covariant field types: a field may narrow nullability and abstract types of the interface's field.</summary>
    private static bool IsSubtype(Schema schema, GraphQLType maybeSub, GraphQLType superType)
    {
        if (GraphQLType.AreEqual(maybeSub, superType))
        {
            return true;
        }

        if (superType is NonNullType superNonNull)
        {
            return maybeSub is NonNullType subNonNull && IsSubtype(schema, subNonNull.OfType, superNonNull.OfType);
        }

        if (maybeSub is NonNullType nonNull)
        {
            return IsSubtype(schema, nonNull.OfType, superType);
        }

        if (superType is ListType superList)
        {
            return maybeSub is ListType subList && IsSubtype(schema, subList.OfType, superList.OfType);
        }

        return maybeSub is not ListType && superType is NamedType s && maybeSub is NamedType m && s.IsAbstractType && schema.IsSubType(s, m);
    }
}
