using Gql.Server.Types;

namespace Gql.Server.Validation;

/// <summary>graphql-js's typeComparators for wrapped type references.</summary>
internal static class TypeComparators
{
    /// <summary>Whether a value of <paramref name="maybeSubType"/> is always valid where <paramref name="superType"/> is expected.</summary>
    public static bool IsTypeSubTypeOf(Schema schema, GraphQLType maybeSubType, GraphQLType superType)
    {
        if (ReferenceEquals(maybeSubType, superType))
        {
            return true;
        }

        if (superType is NonNullType superNonNull)
        {
            return maybeSubType is NonNullType subNonNull && IsTypeSubTypeOf(schema, subNonNull.OfType, superNonNull.OfType);
        }

        if (maybeSubType is NonNullType nonNull)
        {
            // A nullable super type accepts a non-null or nullable sub type.
            return IsTypeSubTypeOf(schema, nonNull.OfType, superType);
        }

        if (superType is ListType superList)
        {
            return maybeSubType is ListType subList && IsTypeSubTypeOf(schema, subList.OfType, superList.OfType);
        }

        if (maybeSubType is ListType)
        {
            return false;
        }

        if (maybeSubType is NamedType subNamed && superType is NamedType superNamed && subNamed.Name == superNamed.Name)
        {
            return true;
        }

        return superType.IsAbstractType && maybeSubType is ComplexType complex && schema.IsSubType((NamedType)superType, complex);
    }
}
