using System.Collections;
using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Gql.Language;
using Gql.Language.Ast;
using Gql.Server.Authorization;
using Gql.Server.Introspection;
using Gql.Server.Types;
using Gql.Server.Validation;
using Microsoft.Extensions.DependencyInjection;

namespace Gql.Server.Execution;

/// <summary>
/// Executes requests as spec section 6 describes: operation selection, variable coercion, field collection,
/// concurrent query fields and serial mutation fields, value completion with null propagation, and subscriptions.
/// Documents are parsed and validated once and cached by their text.
/// </summary>
public sealed class RequestExecutor(Schema schema, ExecutorOptions? options = null) : IRequestExecutor
{
    private readonly ExecutorOptions options = options ?? new ExecutorOptions();
    private readonly ConcurrentDictionary<string, PreparedDocument> documents = new(StringComparer.Ordinal);
    private readonly IntrospectionAccess? introspectionAccess = schema.GetIntrospectionAccess();

    public Schema Schema { get; } = schema;

    public async Task<ExecutionResult> ExecuteAsync(GraphQLRequest request, RequestContext context, CancellationToken cancellationToken = default)
    {
        var (operation, prepared, failure) = Prepare(request, context, subscription: false);
        if (failure is not null)
        {
            return failure;
        }

        if (introspectionAccess is not null && await CheckIntrospectionAsync(prepared!, context) is { } refused)
        {
            return refused;
        }

        if (CheckVariableDepth(request) is { } tooDeep)
        {
            return tooDeep;
        }

        var (variables, variableErrors) = ValueCoercion.CoerceVariableValues(Schema, operation!, request.Variables);
        if (variableErrors.Count > 0)
        {
            return ExecutionResult.Failed(RequestErrorKind.Variables, variableErrors);
        }

        if (CheckLimits(prepared!, operation!, variables) is { } overLimit)
        {
            return overLimit;
        }

        return await RunWithTimeoutAsync(prepared!, operation!, variables, context, null, cancellationToken);
    }

    /// <summary>Refuses variables nested deeper than the limit before they are coerced (deep <c>where</c> trees).</summary>
    private ExecutionResult? CheckVariableDepth(GraphQLRequest request)
    {
        var depth = request.Variables is null ? 0 : DocumentLimits.InputDepth(request.Variables.Values.ToList(), options.MaxInputDepth + 1) - 1;
        return depth > options.MaxInputDepth
            ? ExecutionResult.Failed(RequestErrorKind.Variables, DocumentLimits.InputTooDeep(depth, options.MaxInputDepth))
            : null;
    }

    /// <summary>
    /// The limits that need the variables: the estimated cost and the length of
    /// <c>nodes(ids:)</c> lists. Checked before any resolver runs, so no database sees a refused request.
    /// </summary>
    private ExecutionResult? CheckLimits(PreparedDocument prepared, OperationDefinitionNode operation, Dictionary<string, object?> variables)
    {
        var (cost, errors) = CostAnalyzer.Analyze(Schema, operation, prepared.Fragments, variables, options);
        if (errors.Count > 0)
        {
            return ExecutionResult.Failed(RequestErrorKind.Validation, errors);
        }

        if (options.MaxCost is { } maxCost && cost > maxCost)
        {
            return ExecutionResult.Failed(RequestErrorKind.Validation, new GraphQLError(
                $"The operation has an estimated cost of {cost}, over the limit of {maxCost} by {cost - maxCost}. Ask for smaller pages or fewer nested lists.", ErrorCodes.MaxCostExceeded)
                .At(operation).WithExtension("limit", maxCost).WithExtension("actual", cost));
        }

        return null;
    }

    /// <summary>
    /// Runs the operation (or one subscription event) under <see cref="ExecutorOptions.ExecutionTimeout"/>: when it
    /// runs out, resolvers see their token cancelled and the client gets <c>EXECUTION_TIMEOUT</c> instead of waiting.
    /// </summary>
    private async Task<ExecutionResult> RunWithTimeoutAsync(PreparedDocument prepared, OperationDefinitionNode operation, Dictionary<string, object?> variables, RequestContext context, object? @event, CancellationToken cancellationToken)
    {
        var timeout = options.ExecutionTimeout;
        using var timer = timeout is null ? null : CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timer?.CancelAfter(timeout!.Value);
        var run = new OperationRun(this, prepared, operation, variables, context, timer?.Token ?? cancellationToken);
        ExecutionResult result;
        try
        {
            result = await ExecutionScheduler.RunAsync(() => run.ExecuteAsync(@event));
            if (timer is { IsCancellationRequested: true } && !cancellationToken.IsCancellationRequested)
            {
                result = TimedOut(operation, timeout!.Value);
            }
        }
        catch (OperationCanceledException) when (timer is not null && !cancellationToken.IsCancellationRequested)
        {
            result = TimedOut(operation, timeout!.Value);
        }

        // The observer (the audit log) learns what was answered, before the response leaves.
        if (run.Observer is { } observer)
        {
            await observer.OnCompletedAsync(result, cancellationToken);
        }

        return result;
    }

    private static ExecutionResult TimedOut(OperationDefinitionNode operation, TimeSpan timeout) => new()
    {
        HasData = true,
        Errors =
        [
            new GraphQLError($"The operation did not complete within {timeout.TotalSeconds:0.###} seconds and was stopped.", ErrorCodes.ExecutionTimeout)
                .At(operation).WithExtension("timeoutSeconds", timeout.TotalSeconds),
        ],
    };

    public async IAsyncEnumerable<ExecutionResult> SubscribeAsync(GraphQLRequest request, RequestContext context, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var (operation, prepared, failure) = Prepare(request, context, subscription: true);
        if (failure is not null)
        {
            yield return failure;
            yield break;
        }

        if (operation!.Operation != OperationType.Subscription)
        {
            yield return await ExecuteAsync(request, context, cancellationToken);
            yield break;
        }

        if (introspectionAccess is not null && await CheckIntrospectionAsync(prepared!, context) is { } refused)
        {
            yield return refused;
            yield break;
        }

        if (CheckVariableDepth(request) is { } tooDeep)
        {
            yield return tooDeep;
            yield break;
        }

        var (variables, variableErrors) = ValueCoercion.CoerceVariableValues(Schema, operation, request.Variables);
        if (variableErrors.Count > 0)
        {
            yield return ExecutionResult.Failed(RequestErrorKind.Variables, variableErrors);
            yield break;
        }

        if (CheckLimits(prepared!, operation, variables) is { } overLimit)
        {
            yield return overLimit;
            yield break;
        }

        var source = new OperationRun(this, prepared!, operation, variables, context, cancellationToken);
        var (stream, errors) = await source.CreateSourceStreamAsync();
        if (stream is null)
        {
            yield return new ExecutionResult { Errors = errors };
            yield break;
        }

        // Each event executes in a DI scope of its own: scoped services (DataLoader caches, DbContexts) must not carry
        // one event's state into the next, or a long-lived subscription would keep answering with stale data.
        var scopes = context.Services.GetService(typeof(IServiceScopeFactory)) as IServiceScopeFactory;
        await foreach (var @event in stream.WithCancellation(cancellationToken))
        {
            var scope = scopes?.CreateAsyncScope();
            try
            {
                var eventContext = scope is null ? context : context.WithServices(scope.Value.ServiceProvider);
                var run = new OperationRun(this, prepared!, operation, variables, eventContext, cancellationToken);
                var eventResult = await ExecutionScheduler.RunAsync(() => run.ExecuteAsync(@event));
                if (run.Observer is { } observer)
                {
                    await observer.OnCompletedAsync(eventResult, cancellationToken);
                }

                yield return eventResult;
                if (run.RootFieldDenied)
                {
                    // The subscription field's rules are checked again for every event: once they deny, the stream ends.
                    yield break;
                }
            }
            finally
            {
                if (scope is not null)
                {
                    await scope.Value.DisposeAsync();
                }
            }
        }
    }

    private (OperationDefinitionNode? Operation, PreparedDocument? Document, ExecutionResult? Failure) Prepare(GraphQLRequest request, RequestContext context, bool subscription)
    {
        if (string.IsNullOrWhiteSpace(request.Query))
        {
            return (null, null, ExecutionResult.Failed(RequestErrorKind.BadRequest, new GraphQLError("The request has no query document.", ErrorCodes.SyntaxError)));
        }

        var prepared = GetDocument(request.Query);
        if (prepared.SyntaxError is not null)
        {
            return (null, null, ExecutionResult.Failed(RequestErrorKind.Syntax, prepared.SyntaxError));
        }

        if (prepared.ValidationErrors.Count > 0)
        {
            return (null, null, ExecutionResult.Failed(RequestErrorKind.Validation, prepared.ValidationErrors));
        }

        var operations = prepared.Document!.Definitions.OfType<OperationDefinitionNode>().ToList();
        OperationDefinitionNode? operation;
        if (string.IsNullOrEmpty(request.OperationName))
        {
            if (operations.Count != 1)
            {
                return (null, null, ExecutionResult.Failed(RequestErrorKind.OperationNotFound, new GraphQLError(
                    operations.Count == 0 ? "Must provide an operation." : "Must provide operation name if query contains multiple operations.", ErrorCodes.OperationNotFound)));
            }

            operation = operations[0];
        }
        else
        {
            operation = operations.Find(o => o.Name?.Value == request.OperationName);
            if (operation is null)
            {
                return (null, null, ExecutionResult.Failed(RequestErrorKind.OperationNotFound, new GraphQLError($"Unknown operation named \"{request.OperationName}\".", ErrorCodes.OperationNotFound)));
            }
        }

        if (operation.Operation == OperationType.Mutation && !context.AllowMutations)
        {
            return (null, null, ExecutionResult.Failed(RequestErrorKind.OperationNotAllowed, new GraphQLError("Mutations cannot be executed over this transport (use POST).", "OPERATION_NOT_ALLOWED")));
        }

        if (operation.Operation == OperationType.Subscription && (!context.AllowSubscriptions || !subscription))
        {
            return (null, null, ExecutionResult.Failed(RequestErrorKind.OperationNotAllowed, new GraphQLError("Subscriptions need a streaming transport (WebSocket or server-sent events).", "OPERATION_NOT_ALLOWED")));
        }

        if (Schema.RootType(operation.Operation) is null)
        {
            return (null, null, ExecutionResult.Failed(RequestErrorKind.Validation, new GraphQLError($"Schema is not configured to execute {operation.Operation.ToString().ToLowerInvariant()} operation.", ErrorCodes.ValidationFailed).At(operation)));
        }

        return (operation, prepared, null);
    }

    /// <summary>Refuses documents that introspect the schema (<c>__schema</c>, <c>__type</c>) for users the schema's access rule rejects.</summary>
    private async ValueTask<ExecutionResult?> CheckIntrospectionAsync(PreparedDocument prepared, RequestContext context)
    {
        if (prepared.IntrospectionFields.Count == 0 || await introspectionAccess!.IsAllowedAsync(context.User, context.Services))
        {
            return null;
        }

        return ExecutionResult.Failed(RequestErrorKind.Validation, prepared.IntrospectionFields
            .Select(f => new GraphQLError("Introspection is not allowed for the current user.", ErrorCodes.IntrospectionNotAllowed).At(f))
            .ToList());
    }

    private PreparedDocument GetDocument(string query)
    {
        if (documents.TryGetValue(query, out var cached))
        {
            return cached;
        }

        PreparedDocument prepared;
        try
        {
            var document = Parser.Parse(query, new ParserOptions { MaxTokens = options.MaxTokens });
            var errors = DocumentValidator.Validate(Schema, document);
            prepared = new PreparedDocument(document, null, errors.Count > 0 ? errors : DocumentLimits.Check(document, options));
        }
        catch (GraphQLSyntaxException e)
        {
            prepared = new PreparedDocument(null, GraphQLError.FromSyntax(e), []);
        }

        if (documents.Count >= options.DocumentCacheSize)
        {
            // Crude but bounded: a flood of distinct documents cannot grow memory without limit.
            documents.Clear();
        }

        documents.TryAdd(query, prepared);
        return prepared;
    }

    private sealed record PreparedDocument(DocumentNode? Document, GraphQLError? SyntaxError, IReadOnlyList<GraphQLError> ValidationErrors)
    {
        public Dictionary<string, FragmentDefinitionNode> Fragments { get; } =
            Document?.Definitions.OfType<FragmentDefinitionNode>().GroupBy(f => f.Name.Value).ToDictionary(g => g.Key, g => g.First()) ?? [];

        /// <summary>The <c>__schema</c> and <c>__type</c> fields anywhere in the document (validation allows them only on the query type).</summary>
        public IReadOnlyList<FieldNode> IntrospectionFields => introspectionFields ??= Document is null ? [] : IntrospectionFieldFinder.Find(Document);

        private IReadOnlyList<FieldNode>? introspectionFields;
    }

    private static readonly IReadOnlyDictionary<string, object?> EmptyArguments = System.Collections.ObjectModel.ReadOnlyDictionary<string, object?>.Empty;

    private sealed class IntrospectionFieldFinder : SyntaxWalker
    {
        private readonly List<FieldNode> found = [];

        public static List<FieldNode> Find(DocumentNode document)
        {
            var finder = new IntrospectionFieldFinder();
            document.Accept(finder);
            return finder.found;
        }

        public override void VisitField(FieldNode node)
        {
            if (node.Name.Value is "__schema" or "__type")
            {
                found.Add(node);
            }

            base.VisitField(node);
        }
    }

    /// <summary>Signals that a non-null position got null: the nearest nullable parent becomes null.</summary>
    private sealed class NullPropagation : Exception
    {
        public static readonly NullPropagation Instance = new();
    }

    /// <summary>A field in a collected selection set: its response name and every node merged under it.</summary>
    private sealed class FieldGroup(string responseName, FieldNode first)
    {
        public string ResponseName { get; } = responseName;
        public List<FieldNode> Nodes { get; } = [first];
    }

    /// <summary>The state of one execution of one operation.</summary>
    private sealed class OperationRun(RequestExecutor executor, PreparedDocument document, OperationDefinitionNode operation, Dictionary<string, object?> variables, RequestContext context, CancellationToken cancellationToken)
    {
        internal readonly OperationDefinitionNode Operation = operation;
        internal readonly Dictionary<string, object?> Variables = variables;
        internal readonly RequestContext Context = context;
        internal readonly CancellationToken Token = cancellationToken;
        private readonly List<GraphQLError> errors = [];
        private readonly ConcurrentDictionary<(ObjectType, FieldGroup?), List<FieldGroup>> collected = new();
        private readonly Schema schema = executor.Schema;
        private RequestAuthorizer? authorizer;
        private ConcurrentDictionary<List<FieldGroup>, ObservedSelection>? observed;

        /// <summary>The request's <see cref="IExecutionObserver"/>, if its services have one.</summary>
        internal IExecutionObserver? Observer { get; } = context.Services.GetService(typeof(IExecutionObserver)) as IExecutionObserver;

        public async Task<ExecutionResult> ExecuteAsync(object? rootValue)
        {
            Observer?.OnStart(Context, Operation);
            var root = schema.RootType(Operation.Operation)!;
            ResultMap? data;
            try
            {
                var fields = CollectFields(root, [Operation.SelectionSet]);
                data = Operation.Operation == OperationType.Mutation
                    ? await ExecuteSeriallyAsync(root, rootValue, fields)
                    : await ExecuteFieldsAsync(root, rootValue, fields, ResultPath.Root);
            }
            catch (NullPropagation)
            {
                data = null;
            }

            return new ExecutionResult { HasData = true, Data = data, Errors = errors.Count > 0 ? errors : null };
        }

        public async Task<(IAsyncEnumerable<object?>? Stream, IReadOnlyList<GraphQLError>? Errors)> CreateSourceStreamAsync()
        {
            var root = schema.SubscriptionType!;
            var group = CollectFields(root, [Operation.SelectionSet])[0];
            var field = root.Fields.Find(group.Nodes[0].Name.Value)!;
            var path = ResultPath.Root.Append(group.ResponseName);
            try
            {
                var arguments = CoerceArguments(field.Arguments, group.Nodes[0].Arguments);
                var resolverContext = new ResolverContext(this, root, field, null, arguments, group, path);
                if (field.Subscriber is null)
                {
                    throw new GraphQLException($"Subscription field \"{root.Name}.{field.Name}\" has no event source.");
                }

                if (field.Authorization is { } rules)
                {
                    // Checked before the stream opens: a denied subscriber never subscribes to the topic.
                    await AuthorizeAsync(rules, AuthorizationTarget.Field, root, field, null, null, arguments, path);
                }

                foreach (var guard in field.ArgumentGuards?.Find(field, arguments) ?? [])
                {
                    await AuthorizeAsync(guard.Rules, AuthorizationTarget.Field, guard.Type, guard.Field, null, null, arguments, path);
                }

                return (await field.Subscriber(resolverContext), null);
            }
            catch (GraphQLException e)
            {
                return (null, e.Errors.Select(x => Locate(x, group, path)).ToList());
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                return (null, [Unexpected(e, group, path)]);
            }
        }

        private async Task<ResultMap> ExecuteSeriallyAsync(ObjectType type, object? parent, List<FieldGroup> fields)
        {
            var result = new ResultMap(fields.Count);
            foreach (var group in fields)
            {
                result.Add(group.ResponseName, await ExecuteFieldAsync(type, parent, group, ResultPath.Root));
            }

            return result;
        }

        private async ValueTask<ResultMap> ExecuteFieldsAsync(ObjectType type, object? parent, List<FieldGroup> fields, ResultPath path)
        {
            var result = new ResultMap(fields.Count);
            List<(int Index, ValueTask<object?> Task)>? pending = null;
            for (var i = 0; i < fields.Count; i++)
            {
                var group = fields[i];
                var task = ExecuteFieldAsync(type, parent, group, path);
                if (task.IsCompletedSuccessfully)
                {
                    result.Add(group.ResponseName, task.Result);
                }
                else
                {
                    result.Add(group.ResponseName, null);
                    (pending ??= []).Add((i, task));
                }
            }

            if (pending is not null)
            {
                // Every field runs before any failure propagates, so their errors are all reported.
                NullPropagation? propagated = null;
                foreach (var (index, task) in pending)
                {
                    try
                    {
                        result.Set(index, await task);
                    }
                    catch (NullPropagation e)
                    {
                        propagated = e;
                    }
                }

                if (propagated is not null)
                {
                    throw propagated;
                }
            }

            return result;
        }

        /// <summary>Executes a field of an object at <paramref name="parentPath"/>; the field's own path is made only when needed.</summary>
        private ValueTask<object?> ExecuteFieldAsync(ObjectType type, object? parent, FieldGroup group, ResultPath parentPath)
        {
            var field = FindField(type, group.Nodes[0].Name.Value)!;
            if (field.ParentReader is not { } read || parent is null || field.Authorization is not null || field.ArgumentGuards is not null)
            {
                return ExecuteResolverAsync(type, parent, field, group, parentPath.Append(group.ResponseName));
            }

            // Most fields read a member of their parent: no resolver context, no arguments, no task; a leaf is
            // serialized here. Anything unusual (a throwing getter, a value that does not serialize) takes the full path,
            // which reports it.
            object? value;
            try
            {
                value = read(parent);
            }
            catch (Exception)
            {
                return ExecuteResolverAsync(type, parent, field, group, parentPath.Append(group.ResponseName));
            }

            if (value is not null)
            {
                var leaf = field.Type is NonNullType nonNull ? nonNull.OfType : field.Type;
                try
                {
                    switch (leaf)
                    {
                        case ScalarType scalar:
                            return new ValueTask<object?>(scalar.Serialize(value));
                        case EnumType enumType when enumType.FindByRuntimeValue(value) is { } enumValue:
                            return new ValueTask<object?>(enumValue.Name);
                    }
                }
                catch (ScalarCoercionException)
                {
                    // Reported by CompleteAsync below.
                }

                if (value is not IList && AsyncStreams.IsStream(value))
                {
                    return ExecuteResolverAsync(type, parent, field, group, parentPath.Append(group.ResponseName));
                }
            }

            return CompleteAsync(field, field.Type, group, value, parentPath.Append(group.ResponseName));
        }

        private async ValueTask<object?> ExecuteResolverAsync(ObjectType type, object? parent, OutputField field, FieldGroup group, ResultPath path)
        {
            var node = group.Nodes[0];
            ResolverContext? resolverContext = null;
            try
            {
                object? value;
                try
                {
                    var arguments = CoerceArguments(field.Arguments, node.Arguments);
                    resolverContext = new ResolverContext(this, type, field, parent, arguments, group, path);
                    if (field.Authorization is { } rules)
                    {
                        await AuthorizeAsync(rules, AuthorizationTarget.Field, type, field, parent, null, arguments, path);
                    }

                    if (field.ArgumentGuards?.Find(field, arguments) is { } guards)
                    {
                        // A filter or sort order on a field the user may not read would reveal its values.
                        foreach (var guard in guards)
                        {
                            await AuthorizeAsync(guard.Rules, AuthorizationTarget.Field, guard.Type, guard.Field, null, null, arguments, path);
                        }
                    }

                    var pipeline = field.Pipeline ?? field.Resolver ?? DefaultResolver.For(field.Name);
                    var task = pipeline(resolverContext);
                    value = task.IsCompletedSuccessfully ? task.Result : await task;
                    if (value is not null and not IList && AsyncStreams.IsStream(value))
                    {
                        // Queryables (EF Core) are read asynchronously, before their resources are released.
                        value = await AsyncStreams.ToListAsync(value, Token);
                    }
                }
                catch (GraphQLException e)
                {
                    foreach (var error in e.Errors)
                    {
                        AddError(Locate(error, group, path));
                    }

                    return NullFor(field.Type);
                }
                catch (OperationCanceledException) when (Token.IsCancellationRequested)
                {
                    throw;
                }
                catch (Exception e)
                {
                    AddError(Unexpected(e, group, path));
                    return NullFor(field.Type);
                }

                return await CompleteAsync(field, field.Type, group, value, path);
            }
            finally
            {
                if (resolverContext?.Cleanups is not null)
                {
                    await resolverContext.CleanUpAsync();
                }
            }
        }

        private object? NullFor(GraphQLType type) => type.IsNonNull ? throw NullPropagation.Instance : null;

        private async ValueTask<object?> CompleteAsync(OutputField field, GraphQLType type, FieldGroup group, object? value, ResultPath path)
        {
            if (type is NonNullType nonNull)
            {
                var completed = await CompleteAsync(field, nonNull.OfType, group, value, path);
                if (completed is null)
                {
                    // The inner completion reports its own error when it fails; a plain null is reported here.
                    if (value is null)
                    {
                        AddError(new GraphQLError($"Cannot return null for non-nullable field {field.DeclaringType.Name}.{field.Name}.", ErrorCodes.NonNullViolation) { Path = path }.At(group.Nodes[0]));
                    }

                    throw NullPropagation.Instance;
                }

                return completed;
            }

            if (value is null)
            {
                return null;
            }

            try
            {
                switch (type)
                {
                    case ListType list:
                        return await CompleteListAsync(field, list, group, value, path);
                    case ScalarType scalar:
                        return Serialize(scalar, value);
                    case EnumType enumType:
                        return enumType.FindByRuntimeValue(value)?.Name
                            ?? throw new GraphQLException($"Enum \"{enumType.Name}\" cannot represent value: {ValueCoercion.Describe(value is Enum ? value.ToString() : value)}", ErrorCodes.InvalidLeafValue);
                    case ObjectType objectType:
                        if (objectType.Authorization is { } typeRules)
                        {
                            await AuthorizeAsync(typeRules, AuthorizationTarget.Type, objectType, field, null, value, EmptyArguments, path);
                        }

                        return await ExecuteFieldsAsync(objectType, value, Observe(objectType, value, SubFields(objectType, group), path), path);
                    default:
                        var runtimeType = ResolveAbstractType((NamedType)type, value, field);
                        if (runtimeType.Authorization is { } runtimeRules)
                        {
                            await AuthorizeAsync(runtimeRules, AuthorizationTarget.Type, runtimeType, field, null, value, EmptyArguments, path);
                        }

                        return await ExecuteFieldsAsync(runtimeType, value, Observe(runtimeType, value, SubFields(runtimeType, group), path), path);
                }
            }
            catch (NullPropagation)
            {
                // An object's non-null field was null: this position becomes null (or propagates further up).
                return null;
            }
            catch (GraphQLException e)
            {
                foreach (var error in e.Errors)
                {
                    AddError(Locate(error, group, path));
                }

                return null;
            }
        }

        private async ValueTask<object?> CompleteListAsync(OutputField field, ListType list, FieldGroup group, object value, ResultPath path)
        {
            if (value is string || value is not IEnumerable items)
            {
                throw new GraphQLException($"Expected Iterable, but did not find one for field \"{field.DeclaringType.Name}.{field.Name}\".");
            }

            var result = items is ICollection c ? new List<object?>(c.Count) : [];
            List<(int Index, ValueTask<object?> Task)>? pending = null;
            var index = 0;
            foreach (var item in items)
            {
                var task = CompleteAsync(field, list.OfType, group, item, path.Append(index));
                if (task.IsCompletedSuccessfully)
                {
                    result.Add(task.Result);
                }
                else
                {
                    result.Add(null);
                    (pending ??= []).Add((index, task));
                }

                index++;
            }

            if (pending is not null)
            {
                NullPropagation? propagated = null;
                foreach (var (i, task) in pending)
                {
                    try
                    {
                        result[i] = await task;
                    }
                    catch (NullPropagation e)
                    {
                        propagated = e;
                    }
                }

                if (propagated is not null)
                {
                    throw propagated;
                }
            }

            return result;
        }

        private static object Serialize(ScalarType scalar, object value)
        {
            try
            {
                return scalar.Serialize(value);
            }
            catch (ScalarCoercionException e)
            {
                throw new GraphQLException(e.Message, ErrorCodes.InvalidLeafValue);
            }
        }

        private ObjectType ResolveAbstractType(NamedType type, object value, OutputField field)
        {
            var resolved = type switch
            {
                InterfaceType { ResolveType: { } resolve } => resolve(value, schema),
                UnionType { ResolveType: { } resolve } => resolve(value, schema),
                _ => schema.GetPossibleTypes(type).FirstOrDefault(t => t.IsInstance(value)),
            };
            if (resolved is null)
            {
                throw new GraphQLException($"Abstract type \"{type.Name}\" must resolve to an Object type at runtime for field \"{field.DeclaringType.Name}.{field.Name}\". Either the \"{type.Name}\" type should provide a \"resolveType\" function or each possible type should provide an \"isTypeOf\" function.");
            }

            if (!schema.IsPossibleType(type, resolved))
            {
                throw new GraphQLException($"Runtime Object type \"{resolved.Name}\" is not a possible type for \"{type.Name}\".");
            }

            return resolved;
        }

        private OutputField? FindField(ObjectType type, string name)
        {
            if (name == "__typename")
            {
                return IntrospectionTypes.TypeNameField;
            }

            if (ReferenceEquals(type, schema.QueryType))
            {
                if (name == "__schema")
                {
                    return IntrospectionTypes.SchemaField;
                }

                if (name == "__type")
                {
                    return IntrospectionTypes.TypeField;
                }
            }

            return type.Fields.Find(name);
        }

        /// <summary>CoerceArgumentValues (spec 6.4.1).</summary>
        internal IReadOnlyDictionary<string, object?> CoerceArguments(FieldArguments definitions, IReadOnlyList<ArgumentNode> nodes)
        {
            if (definitions.Count == 0)
            {
                // Most fields take no arguments: they share one empty map instead of allocating their own.
                return System.Collections.ObjectModel.ReadOnlyDictionary<string, object?>.Empty;
            }

            var values = new Dictionary<string, object?>(definitions.Count, StringComparer.Ordinal);
            foreach (var definition in definitions)
            {
                ArgumentNode? node = null;
                foreach (var candidate in nodes)
                {
                    if (candidate.Name.Value == definition.Name)
                    {
                        node = candidate;
                        break;
                    }
                }

                object? value = null;
                var hasValue = node is not null;
                if (node is not null)
                {
                    value = ValueCoercion.ValueFromLiteral(definition.Type, node.Value, Variables, out var missing);
                    hasValue = !missing;
                }

                if (!hasValue && definition.DefaultValue is not null)
                {
                    values[definition.Name] = ValueCoercion.ValueFromLiteral(definition.Type, definition.DefaultValue, null, out _);
                }
                else if (definition.Type.IsNonNull && (!hasValue || value is null))
                {
                    throw new GraphQLException(hasValue
                        ? $"Argument \"{definition.Name}\" of non-null type \"{definition.Type}\" must not be null."
                        : $"Argument \"{definition.Name}\" of required type \"{definition.Type}\" was not provided.", ErrorCodes.InvalidVariables);
                }
                else if (hasValue)
                {
                    values[definition.Name] = value;
                }
            }

            return values;
        }

        /// <summary>Hands an object to the observer; its selection is described once per position (the field list is cached per position).</summary>
        private List<FieldGroup> Observe(ObjectType type, object value, List<FieldGroup> fields, ResultPath path)
        {
            if (Observer is { } observer && observer.Observes(type))
            {
                var cache = LazyInitializer.EnsureInitialized(ref observed, static () => new ConcurrentDictionary<List<FieldGroup>, ObservedSelection>(ReferenceEqualityComparer.Instance));
                var selection = cache.GetOrAdd(fields, static (list, p) => new ObservedSelection(
                    string.Join('.', p.OfType<string>()),
                    list.Select(g => g.Nodes[0].Name.Value).Distinct(StringComparer.Ordinal).ToArray()), path);
                observer.OnObject(type, value, selection);
            }

            return fields;
        }

        private List<FieldGroup> SubFields(ObjectType type, FieldGroup group) =>
            collected.GetOrAdd((type, group), key => CollectFields(key.Item1, key.Item2!.Nodes.Where(n => n.SelectionSet is not null).Select(n => n.SelectionSet!)));

        internal List<FieldGroup> CollectFields(ObjectType type, IEnumerable<SelectionSetNode> selectionSets)
        {
            var groups = new List<FieldGroup>();
            var byName = new Dictionary<string, FieldGroup>(StringComparer.Ordinal);
            var visited = new HashSet<string>(StringComparer.Ordinal);
            foreach (var selectionSet in selectionSets)
            {
                Collect(type, selectionSet, groups, byName, visited);
            }

            return groups;
        }

        private void Collect(ObjectType type, SelectionSetNode selectionSet, List<FieldGroup> groups, Dictionary<string, FieldGroup> byName, HashSet<string> visited)
        {
            foreach (var selection in selectionSet.Selections)
            {
                if (!ShouldInclude(selection.Directives))
                {
                    continue;
                }

                switch (selection)
                {
                    case FieldNode field:
                        var responseName = field.Alias?.Value ?? field.Name.Value;
                        if (byName.TryGetValue(responseName, out var group))
                        {
                            group.Nodes.Add(field);
                        }
                        else if (FindField(type, field.Name.Value) is not null)
                        {
                            group = new FieldGroup(responseName, field);
                            byName[responseName] = group;
                            groups.Add(group);
                        }

                        break;
                    case FragmentSpreadNode spread:
                        if (!visited.Add(spread.Name.Value) || !document.Fragments.TryGetValue(spread.Name.Value, out var fragment) || !Applies(fragment.TypeCondition, type))
                        {
                            continue;
                        }

                        Collect(type, fragment.SelectionSet, groups, byName, visited);
                        break;
                    case InlineFragmentNode inline:
                        if (inline.TypeCondition is null || Applies(inline.TypeCondition, type))
                        {
                            Collect(type, inline.SelectionSet, groups, byName, visited);
                        }

                        break;
                }
            }
        }

        private bool Applies(NamedTypeNode condition, ObjectType type)
        {
            var conditionType = schema.FindType(condition.Name.Value);
            return conditionType is not null && (ReferenceEquals(conditionType, type) || (conditionType.IsAbstractType && schema.IsPossibleType(conditionType, type)));
        }

        private bool ShouldInclude(IReadOnlyList<DirectiveNode> directives)
        {
            foreach (var directive in directives)
            {
                var name = directive.Name.Value;
                if (name is not ("skip" or "include"))
                {
                    continue;
                }

                var argument = directive.Arguments.FirstOrDefault(a => a.Name.Value == "if");
                var condition = argument is not null && ValueCoercion.ValueFromLiteral(new NonNullType(Scalars.Boolean), argument.Value, Variables, out _) is true;
                if ((name == "skip" && condition) || (name == "include" && !condition))
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>Set when a root field was denied: a subscription then ends after this event's result.</summary>
        internal bool RootFieldDenied { get; private set; }

        /// <summary>Checks rules for the request's user; a denial (or a failing policy) fails the field or value with an error.</summary>
        private async ValueTask AuthorizeAsync(AuthorizationRule[] rules, AuthorizationTarget target, ObjectType type, OutputField field, object? parent, object? value, IReadOnlyDictionary<string, object?> arguments, ResultPath path)
        {
            var authorizer = this.authorizer ??= new RequestAuthorizer(Context.User, Context.Services);
            AuthorizationOutcome outcome;
            try
            {
                outcome = await authorizer.AuthorizeAsync(rules, () => new AuthorizationResource(target, type, field, parent, value, arguments, path, Context.User, Context.Services));
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // Fail closed: a policy that cannot be evaluated denies, and the cause goes to the log, not the client.
                executor.options.OnUnexpectedError?.Invoke(e, path);
                if (path.Count == 1 && target == AuthorizationTarget.Field)
                {
                    RootFieldDenied = true;
                }

                throw new GraphQLException(executor.options.IncludeExceptionDetails ? e.Message : "Unexpected Execution Error", ErrorCodes.Unexpected);
            }

            if (outcome == AuthorizationOutcome.Allowed)
            {
                return;
            }

            if (path.Count == 1 && target == AuthorizationTarget.Field)
            {
                RootFieldDenied = true;
            }

            throw outcome == AuthorizationOutcome.NotAuthenticated
                ? new GraphQLException("The current user is not authenticated: sign in to access this resource.", ErrorCodes.NotAuthenticated)
                : new GraphQLException("The current user is not authorized to access this resource.", ErrorCodes.NotAuthorized);
        }

        private void AddError(GraphQLError error)
        {
            lock (errors)
            {
                errors.Add(error);
            }
        }

        private static GraphQLError Locate(GraphQLError error, FieldGroup group, IReadOnlyList<object> path) =>
            (error.Locations is null ? error.At(group.Nodes[0]) : error) with { Path = error.Path ?? path };

        private GraphQLError Unexpected(Exception e, FieldGroup group, IReadOnlyList<object> path)
        {
            executor.options.OnUnexpectedError?.Invoke(e, path);
            var error = new GraphQLError(executor.options.IncludeExceptionDetails ? e.Message : "Unexpected Execution Error", ErrorCodes.Unexpected) { Path = path }.At(group.Nodes[0]);
            return executor.options.IncludeExceptionDetails ? error.WithExtension("exception", e.GetType().FullName).WithExtension("stackTrace", e.StackTrace) : error;
        }

        /// <summary>The context handed to each resolver.</summary>
        private sealed class ResolverContext(OperationRun run, ObjectType type, OutputField outputField, object? parent, IReadOnlyDictionary<string, object?> arguments, FieldGroup group, IReadOnlyList<object> path) : IResolverContext
        {
            public Schema Schema => run.schema;
            public ObjectType ObjectType => type;
            public OutputField Field => outputField;
            public object? Parent => parent;
            public IReadOnlyDictionary<string, object?> Arguments => arguments;
            public IReadOnlyList<FieldNode> FieldNodes => group.Nodes;
            public IReadOnlyList<object> Path => path;
            public OperationDefinitionNode Operation => run.Operation;
            public IReadOnlyDictionary<string, object?> Variables => run.Variables;
            public IServiceProvider Services => run.Context.Services;
            public System.Security.Claims.ClaimsPrincipal? User => run.Context.User;
            public IDictionary<string, object?> RequestData => run.Context.Data;
            public CancellationToken RequestAborted => run.Token;

            public IReadOnlyList<SelectedField> GetSelections(ObjectType? objectType = null)
            {
                var types = objectType is not null ? [objectType] : run.schema.GetPossibleTypes(outputField.Type.Named);
                var selected = new List<SelectedField>();
                foreach (var t in types)
                {
                    foreach (var sub in run.SubFields(t, group))
                    {
                        if (run.FindField(t, sub.Nodes[0].Name.Value) is { } f && !selected.Exists(s => s.ResponseName == sub.ResponseName && s.Field == f))
                        {
                            selected.Add(new SelectedField(sub.ResponseName, f, sub.Nodes));
                        }
                    }
                }

                return selected;
            }

            public IReadOnlyList<SelectedField> GetSelections(SelectedField field, ObjectType type) =>
                run.CollectFields(type, field.Nodes.Where(n => n.SelectionSet is not null).Select(n => n.SelectionSet!))
                    .Select(g => run.FindField(type, g.Nodes[0].Name.Value) is { } f ? new SelectedField(g.ResponseName, f, g.Nodes) : null)
                    .OfType<SelectedField>()
                    .ToList();

            public void ReportError(GraphQLError error) => run.AddError(Locate(error, group, path));

            public List<object>? Cleanups { get; private set; }

            public void RegisterCleanup(object disposable) => (Cleanups ??= []).Add(disposable);

            public async ValueTask CleanUpAsync()
            {
                if (Cleanups is null)
                {
                    return;
                }

                foreach (var item in Cleanups)
                {
                    if (item is IAsyncDisposable asyncDisposable)
                    {
                        await asyncDisposable.DisposeAsync();
                    }
                    else if (item is IDisposable disposable)
                    {
                        disposable.Dispose();
                    }
                }
            }
        }
    }
}
