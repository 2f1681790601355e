using System.Linq.Expressions;
using System.Reflection;
using Gql.Server.Execution;
using Gql.Server.Types;

namespace Gql.Server;

/// <summary>
/// Declares an error a mutation can return in its payload (Hot Chocolate's mutation conventions). The type is either an
/// exception, which becomes an error type of its own (<c>FooException</c> → <c>FooError</c>, with <c>message</c> and the
/// exception's own properties), or an error class with a public constructor (or a static <c>CreateErrorFrom</c> method)
/// taking the exception it stands for. When the resolver throws a declared exception, the payload carries the error and
/// the change's result is null; any other exception stays a masked GraphQL error.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
public class ErrorAttribute(Type errorType) : Attribute
{
    public Type ErrorType { get; } = errorType;
}

/// <inheritdoc cref="ErrorAttribute"/>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
public sealed class ErrorAttribute<TError>() : ErrorAttribute(typeof(TError));

/// <summary>Applies (or, with <see cref="Disable"/>, withholds) the mutation conventions on one mutation.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class UseMutationConventionAttribute : Attribute
{
    /// <summary>The payload's field for the result; by default the result type's name in camelCase.</summary>
    public string? PayloadFieldName { get; init; }

    /// <summary>Keeps this mutation as declared: its own arguments and return type.</summary>
    public bool Disable { get; init; }
}

/// <summary>
/// How mutations are shaped: <c>x(input: XInput!): XPayload!</c>, <c>XPayload { result, errors: [XError!] }</c>,
/// <c>union XError</c> of the declared errors, each implementing <c>interface Error { message: String! }</c>.
/// </summary>
public sealed record MutationConventionOptions
{
    /// <summary>Every mutation follows the conventions unless it says <c>[UseMutationConvention(Disable = true)]</c>; otherwise only those marked.</summary>
    public bool ApplyToAllMutations { get; init; } = true;

    public string InputArgumentName { get; init; } = "input";

    public string InputTypeNamePattern { get; init; } = "{MutationName}Input";

    public string PayloadTypeNamePattern { get; init; } = "{MutationName}Payload";

    public string PayloadErrorTypeNamePattern { get; init; } = "{MutationName}Error";

    public string PayloadErrorsFieldName { get; init; } = "errors";
}

/// <summary>What a mutation under the conventions returns: its result, or the errors that prevented it.</summary>
public sealed record MutationPayload(object? Result, IReadOnlyList<object>? Errors);

/// <summary>Rewrites mutation fields into the convention's shape, once, when the schema is built.</summary>
internal sealed class MutationConvention(CodeFirstSchemaBuilder builder, MutationConventionOptions options)
{
    private static readonly IReadOnlyDictionary<string, object?> NoArguments = new Dictionary<string, object?>();
    private readonly Dictionary<Type, ErrorMapping[]> mappings = [];

    public void Apply(OutputField field, MethodInfo method)
    {
        var setting = method.GetCustomAttribute<UseMutationConventionAttribute>();
        var declared = method.GetCustomAttributes<ErrorAttribute>().ToList();
        if (setting?.Disable == true || (!options.ApplyToAllMutations && setting is null))
        {
            if (declared.Count > 0)
            {
                throw new SchemaException([$"The mutation {field.Name} declares errors but does not follow the mutation conventions, so they would never reach a client."]);
            }

            return;
        }

        var mutationName = char.ToUpperInvariant(field.Name[0]) + field.Name[1..];
        var errors = declared.SelectMany(a => MappingsOf(a.ErrorType))
            .DistinctBy(m => m.ExceptionType)
            .OrderByDescending(m => Depth(m.ExceptionType))
            .ToArray();
        var inputArgument = WrapArguments(field, mutationName);
        var custom = CustomPayload(field, mutationName);
        field.Type = new NonNullType(custom is null ? Payload(field, mutationName, setting?.PayloadFieldName, errors) : Adopt(custom, mutationName, errors));

        var resolve = field.Resolver ?? throw new SchemaException([$"The mutation {field.Name} has no resolver."]);
        field.Resolver = async context =>
        {
            var inner = inputArgument is null
                ? context
                : new ArgumentsResolverContext(context, context.Arguments.TryGetValue(inputArgument, out var input) && input is IReadOnlyDictionary<string, object?> values ? values : NoArguments);
            try
            {
                var result = await resolve(inner);
                return custom is null ? new MutationPayload(result, null) : result;
            }
            catch (Exception e) when (ToErrors(e, errors) is { } list)
            {
                return new MutationPayload(null, list);
            }
        };
    }

    /// <summary>Moves the field's arguments into one input object, <c>XInput</c>, passed as <c>input</c>. None: no input.</summary>
    private string? WrapArguments(OutputField field, string mutationName)
    {
        if (field.Arguments.Count == 0)
        {
            return null;
        }

        var name = Format(options.InputTypeNamePattern, mutationName);
        if (builder.HasGeneratedType(name))
        {
            throw new SchemaException([$"The mutation {field.Name} would generate the input type {name}, which another type already uses."]);
        }

        var input = builder.GetOrAddType(name, () => new InputObjectType(name, $"The input of `{field.Name}`."));
        foreach (var argument in field.Arguments.ToList())
        {
            input.Fields.Add(argument);
            field.Arguments.Remove(argument.Name);
        }

        field.Arguments.Add(new InputField(options.InputArgumentName, new NonNullType(input)));
        return options.InputArgumentName;
    }

    /// <summary>
    /// The resolver's own result type when it is already named like the payload (<c>SignInPayload</c> for
    /// <c>signIn</c>), as Hot Chocolate does: it is used as the payload instead of being wrapped in one.
    /// </summary>
    private ObjectType? CustomPayload(OutputField field, string mutationName) =>
        (field.Type is NonNullType nonNull ? nonNull.OfType : field.Type) is ObjectType type && type.Name == Format(options.PayloadTypeNamePattern, mutationName)
            ? type
            : null;

    /// <summary>
    /// Makes the resolver's own payload type carry the errors: its fields become nullable and answer null when the
    /// change was refused (the value is then a <see cref="MutationPayload"/> holding only the errors).
    /// </summary>
    private ObjectType Adopt(ObjectType payload, string mutationName, ErrorMapping[] errors)
    {
        foreach (var field in payload.Fields.ToList())
        {
            var resolve = field.Resolver ?? DefaultResolver.For(field.Name);
            field.Type = field.Type is NonNullType nonNull ? nonNull.OfType : field.Type;
            field.Resolver = c => c.Parent is MutationPayload ? ValueTask.FromResult<object?>(null) : resolve(c);
        }

        if (errors.Length > 0)
        {
            var unionName = Format(options.PayloadErrorTypeNamePattern, mutationName);
            var union = builder.GetOrAddType(unionName, () => new UnionType(unionName, $"The errors `{Naming.CamelCase(mutationName)}` can return."));
            union.Types.AddRange(errors.Select(e => e.Type).Distinct().OrderBy(t => t.Name, StringComparer.Ordinal));
            payload.Fields.Add(new OutputField(options.PayloadErrorsFieldName, new ListType(new NonNullType(union)), "Why the change was refused; null when it was made.")
            {
                Resolver = c => ValueTask.FromResult<object?>(c.Parent is MutationPayload refused ? refused.Errors : null),
            });
        }

        return payload;
    }

    private ObjectType Payload(OutputField field, string mutationName, string? resultFieldName, ErrorMapping[] errors)
    {
        var name = Format(options.PayloadTypeNamePattern, mutationName);
        if (builder.HasGeneratedType(name))
        {
            throw new SchemaException([$"The mutation {field.Name} would generate the payload type {name}, which another type already uses."]);
        }

        var payload = builder.GetOrAddType(name, () => new ObjectType(name, $"What `{field.Name}` did: its result, or the errors that prevented it.") { RuntimeType = typeof(MutationPayload) });
        var resultType = field.Type is NonNullType nonNull ? nonNull.OfType : field.Type;
        payload.Fields.Add(new OutputField(resultFieldName ?? Naming.CamelCase(resultType.Named.Name), resultType, "The result; null when the change was refused.")
        {
            Resolver = c => ValueTask.FromResult(((MutationPayload)c.Parent!).Result),
        });
        if (errors.Length > 0)
        {
            var unionName = Format(options.PayloadErrorTypeNamePattern, mutationName);
            var union = builder.GetOrAddType(unionName, () => new UnionType(unionName, $"The errors `{field.Name}` can return."));
            union.Types.AddRange(errors.Select(e => e.Type).Distinct().OrderBy(t => t.Name, StringComparer.Ordinal));
            payload.Fields.Add(new OutputField(options.PayloadErrorsFieldName, new ListType(new NonNullType(union)), "Why the change was refused; null when it was made.")
            {
                Resolver = c => ValueTask.FromResult<object?>(((MutationPayload)c.Parent!).Errors),
            });
        }

        return payload;
    }

    private static List<object>? ToErrors(Exception exception, ErrorMapping[] errors)
    {
        if (errors.Length == 0)
        {
            return null;
        }

        var thrown = exception is AggregateException aggregate ? aggregate.InnerExceptions : [exception];
        var result = new List<object>(thrown.Count);
        foreach (var e in thrown)
        {
            if (Array.Find(errors, m => m.ExceptionType.IsInstanceOfType(e)) is not { } mapping)
            {
                return null;
            }

            result.Add(mapping.Create(e));
        }

        return result.Count > 0 ? result : null;
    }

    /// <summary>The exceptions an error type stands for, and how each becomes the error object.</summary>
    private ErrorMapping[] MappingsOf(Type errorType)
    {
        if (mappings.TryGetValue(errorType, out var known))
        {
            return known;
        }

        ErrorMapping[] result;
        if (typeof(Exception).IsAssignableFrom(errorType))
        {
            result = [new ErrorMapping(errorType, ExceptionErrorType(errorType), e => e)];
        }
        else
        {
            if (builder.Output(errorType, null).Named is not ObjectType type)
            {
                throw new SchemaException([$"The error type {errorType.Name} must be a class (an object type) or an exception."]);
            }

            ImplementError(type, errorType.Name);
            var factories = errorType.GetConstructors()
                .Select(c => (Method: (MethodBase)c, Parameters: c.GetParameters()))
                .Concat(errorType.GetMethods(BindingFlags.Public | BindingFlags.Static).Where(m => m.Name == "CreateErrorFrom" && errorType.IsAssignableFrom(m.ReturnType)).Select(m => (Method: (MethodBase)m, Parameters: m.GetParameters())))
                .Where(f => f.Parameters.Length == 1 && typeof(Exception).IsAssignableFrom(f.Parameters[0].ParameterType))
                .Select(f => new ErrorMapping(f.Parameters[0].ParameterType, type, Factory(f.Method, f.Parameters[0].ParameterType)))
                .ToArray();
            if (factories.Length == 0)
            {
                throw new SchemaException([$"The error type {errorType.Name} needs a public constructor or a static CreateErrorFrom method that takes the exception it stands for."]);
            }

            result = factories;
        }

        mappings[errorType] = result;
        return result;
    }

    /// <summary><c>FooException</c> as the object type <c>FooError</c>: <c>message</c> and the properties the exception adds.</summary>
    private ObjectType ExceptionErrorType(Type exceptionType)
    {
        var name = exceptionType.GetCustomAttribute<GraphQLNameAttribute>()?.Name
            ?? (exceptionType.Name.EndsWith("Exception", StringComparison.Ordinal) ? exceptionType.Name[..^"Exception".Length] : exceptionType.Name) + "Error";
        return builder.GetOrAddType(name, () =>
        {
            var type = new ObjectType(name, exceptionType.GetCustomAttribute<GraphQLDescriptionAttribute>()?.Description) { RuntimeType = exceptionType };
            type.Fields.Add(new OutputField("message", new NonNullType(Scalars.String), "What went wrong, in words for the user.")
            {
                Resolver = c => ValueTask.FromResult<object?>(((Exception)c.Parent!).Message),
            });
            var nullability = new NullabilityInfoContext();
            foreach (var property in exceptionType.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                .Where(p => typeof(Exception).IsAssignableFrom(p.DeclaringType) && p.DeclaringType != typeof(Exception) && p.GetIndexParameters().Length == 0)
                .Where(p => p.GetCustomAttribute<GraphQLIgnoreAttribute>() is null)
                .OrderBy(p => p.MetadataToken))
            {
                type.Fields.Replace(new OutputField(Naming.FieldName(property), builder.Output(property.PropertyType, nullability.Create(property)), property.GetCustomAttribute<GraphQLDescriptionAttribute>()?.Description)
                {
                    Resolver = ResolverCompiler.Property(property),
                });
            }

            type.Interfaces.Add(ErrorInterface());
            return type;
        });
    }

    private void ImplementError(ObjectType type, string clrName)
    {
        if (type.Fields.Find("message") is not { Type: NonNullType { OfType: ScalarType { Name: "String" } } })
        {
            throw new SchemaException([$"The error type {clrName} needs a non-null string Message property: every error says what went wrong."]);
        }

        var error = ErrorInterface();
        if (!type.Implements(error))
        {
            type.Interfaces.Add(error);
        }
    }

    private InterfaceType ErrorInterface() => builder.GetOrAddType("Error", () =>
    {
        var error = new InterfaceType("Error", "An error a mutation returns in its payload: the change was not made, and `message` says why.");
        error.Fields.Add(new OutputField("message", new NonNullType(Scalars.String), "What went wrong, in words for the user."));
        return error;
    });

    private static Func<Exception, object> Factory(MethodBase method, Type exceptionType)
    {
        var exception = Expression.Parameter(typeof(Exception), "exception");
        var argument = Expression.Convert(exception, exceptionType);
        Expression create = method is ConstructorInfo constructor
            ? Expression.New(constructor, argument)
            : Expression.Call((MethodInfo)method, argument);
        return Expression.Lambda<Func<Exception, object>>(Expression.Convert(create, typeof(object)), exception).Compile();
    }

    private static int Depth(Type type) => type.BaseType is null ? 0 : 1 + Depth(type.BaseType);

    private static string Format(string pattern, string mutationName) => pattern.Replace("{MutationName}", mutationName, StringComparison.Ordinal);

    private sealed record ErrorMapping(Type ExceptionType, ObjectType Type, Func<Exception, object> Create);
}

/// <summary>A resolver context that shows the resolver other argument values (a node key, a mutation's input fields).</summary>
internal sealed class ArgumentsResolverContext(IResolverContext inner, IReadOnlyDictionary<string, object?> arguments) : IResolverContext
{
    public Schema Schema => inner.Schema;
    public ObjectType ObjectType => inner.ObjectType;
    public OutputField Field => inner.Field;
    public object? Parent => inner.Parent;
    public IReadOnlyDictionary<string, object?> Arguments => arguments;
    public IReadOnlyList<Gql.Language.Ast.FieldNode> FieldNodes => inner.FieldNodes;
    public IReadOnlyList<object> Path => inner.Path;
    public Gql.Language.Ast.OperationDefinitionNode Operation => inner.Operation;
    public IReadOnlyDictionary<string, object?> Variables => inner.Variables;
    public IServiceProvider Services => inner.Services;
    public System.Security.Claims.ClaimsPrincipal? User => inner.User;
    public IDictionary<string, object?> RequestData => inner.RequestData;
    public CancellationToken RequestAborted => inner.RequestAborted;

    public IReadOnlyList<SelectedField> GetSelections(ObjectType? type = null) => inner.GetSelections(type);

    public IReadOnlyList<SelectedField> GetSelections(SelectedField field, ObjectType type) => inner.GetSelections(field, type);

    public void ReportError(GraphQLError error) => inner.ReportError(error);

    public void RegisterCleanup(object disposable) => inner.RegisterCleanup(disposable);
}
