namespace Gql.Language;

/// <summary>The places a directive may be applied, as listed in a directive definition.</summary>
public enum DirectiveLocation
{
    /// <summary><c>QUERY</c></summary>
    Query,

    /// <summary><c>MUTATION</c></summary>
    Mutation,

    /// <summary><c>SUBSCRIPTION</c></summary>
    Subscription,

    /// <summary><c>FIELD</c></summary>
    Field,

    /// <summary><c>FRAGMENT_DEFINITION</c></summary>
    FragmentDefinition,

    /// <summary><c>FRAGMENT_SPREAD</c></summary>
    FragmentSpread,

    /// <summary><c>INLINE_FRAGMENT</c></summary>
    InlineFragment,

    /// <summary><c>VARIABLE_DEFINITION</c></summary>
    VariableDefinition,

    /// <summary><c>SCHEMA</c></summary>
    Schema,

    /// <summary><c>SCALAR</c></summary>
    Scalar,

    /// <summary><c>OBJECT</c></summary>
    Object,

    /// <summary><c>FIELD_DEFINITION</c></summary>
    FieldDefinition,

    /// <summary><c>ARGUMENT_DEFINITION</c></summary>
    ArgumentDefinition,

    /// <summary><c>INTERFACE</c></summary>
    Interface,

    /// <summary><c>UNION</c></summary>
    Union,

    /// <summary><c>ENUM</c></summary>
    Enum,

    /// <summary><c>ENUM_VALUE</c></summary>
    EnumValue,

    /// <summary><c>INPUT_OBJECT</c></summary>
    InputObject,

    /// <summary><c>INPUT_FIELD_DEFINITION</c></summary>
    InputFieldDefinition,
}

/// <summary>Conversions between <see cref="DirectiveLocation"/> and the spec's location names.</summary>
public static class DirectiveLocations
{
    /// <summary>Parses a spec location name such as <c>FIELD_DEFINITION</c> (case-sensitive).</summary>
    /// <param name="name">The location name.</param>
    /// <param name="location">The location, when the name is valid.</param>
    /// <returns>Whether the name is a valid location.</returns>
    public static bool TryParse(string name, out DirectiveLocation location)
    {
        switch (name)
        {
            case "QUERY":
                location = DirectiveLocation.Query;
                return true;
            case "MUTATION":
                location = DirectiveLocation.Mutation;
                return true;
            case "SUBSCRIPTION":
                location = DirectiveLocation.Subscription;
                return true;
            case "FIELD":
                location = DirectiveLocation.Field;
                return true;
            case "FRAGMENT_DEFINITION":
                location = DirectiveLocation.FragmentDefinition;
                return true;
            case "FRAGMENT_SPREAD":
                location = DirectiveLocation.FragmentSpread;
                return true;
            case "INLINE_FRAGMENT":
                location = DirectiveLocation.InlineFragment;
                return true;
            case "VARIABLE_DEFINITION":
                location = DirectiveLocation.VariableDefinition;
                return true;
            case "SCHEMA":
                location = DirectiveLocation.Schema;
                return true;
            case "SCALAR":
                location = DirectiveLocation.Scalar;
                return true;
            case "OBJECT":
                location = DirectiveLocation.Object;
                return true;
            case "FIELD_DEFINITION":
                location = DirectiveLocation.FieldDefinition;
                return true;
            case "ARGUMENT_DEFINITION":
                location = DirectiveLocation.ArgumentDefinition;
                return true;
            case "INTERFACE":
                location = DirectiveLocation.Interface;
                return true;
            case "UNION":
                location = DirectiveLocation.Union;
                return true;
            case "ENUM":
                location = DirectiveLocation.Enum;
                return true;
            case "ENUM_VALUE":
                location = DirectiveLocation.EnumValue;
                return true;
            case "INPUT_OBJECT":
                location = DirectiveLocation.InputObject;
                return true;
            case "INPUT_FIELD_DEFINITION":
                location = DirectiveLocation.InputFieldDefinition;
                return true;
            default:
                location = default;
                return false;
        }
    }

    /// <summary>The spec name of a location, e.g. <c>FIELD_DEFINITION</c>.</summary>
    /// <param name="location">The location.</param>
    /// <returns>The name.</returns>
    public static string ToName(this DirectiveLocation location)
    {
        return location switch
        {
            DirectiveLocation.Query => "QUERY",
            DirectiveLocation.Mutation => "MUTATION",
            DirectiveLocation.Subscription => "SUBSCRIPTION",
            DirectiveLocation.Field => "FIELD",
            DirectiveLocation.FragmentDefinition => "FRAGMENT_DEFINITION",
            DirectiveLocation.FragmentSpread => "FRAGMENT_SPREAD",
            DirectiveLocation.InlineFragment => "INLINE_FRAGMENT",
            DirectiveLocation.VariableDefinition => "VARIABLE_DEFINITION",
            DirectiveLocation.Schema => "SCHEMA",
            DirectiveLocation.Scalar => "SCALAR",
            DirectiveLocation.Object => "OBJECT",
            DirectiveLocation.FieldDefinition => "FIELD_DEFINITION",
            DirectiveLocation.ArgumentDefinition => "ARGUMENT_DEFINITION",
            DirectiveLocation.Interface => "INTERFACE",
            DirectiveLocation.Union => "UNION",
            DirectiveLocation.Enum => "ENUM",
            DirectiveLocation.EnumValue => "ENUM_VALUE",
            DirectiveLocation.InputObject => "INPUT_OBJECT",
            DirectiveLocation.InputFieldDefinition => "INPUT_FIELD_DEFINITION",
            _ => throw new System.ArgumentOutOfRangeException(nameof(location)),
        };
    }
}
