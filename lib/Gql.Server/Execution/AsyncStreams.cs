using System.Collections.Concurrent;
using System.Reflection;

namespace Gql.Server.Execution;

/// <summary>Reads <see cref="IAsyncEnumerable{T}"/> results (EF Core queries among them) into lists, for any T.</summary>
internal static class AsyncStreams
{
    private static readonly ConcurrentDictionary<Type, Func<object, CancellationToken, ValueTask<List<object?>>>?> Readers = new();

    public static bool IsStream(object value) => value is IAsyncEnumerable<object?> || Reader(value.GetType()) is not null;

    public static ValueTask<List<object?>> ToListAsync(object value, CancellationToken cancellationToken) =>
        value is IAsyncEnumerable<object?> stream ? Read(stream, cancellationToken) : Reader(value.GetType())!(value, cancellationToken);

    private static Func<object, CancellationToken, ValueTask<List<object?>>>? Reader(Type type) =>
        Readers.GetOrAdd(type, static t =>
        {
            var stream = t.GetInterfaces().FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IAsyncEnumerable<>));
            if (stream is null)
            {
                return null;
            }

            var method = typeof(AsyncStreams).GetMethod(nameof(ReadTyped), BindingFlags.NonPublic | BindingFlags.Static)!.MakeGenericMethod(stream.GetGenericArguments()[0]);
            return method.CreateDelegate<Func<object, CancellationToken, ValueTask<List<object?>>>>();
        });

    private static async ValueTask<List<object?>> Read(IAsyncEnumerable<object?> stream, CancellationToken cancellationToken)
    {
        var items = new List<object?>();
        await foreach (var item in stream.WithCancellation(cancellationToken))
        {
            items.Add(item);
        }

        return items;
    }

    private static async ValueTask<List<object?>> ReadTyped<T>(object stream, CancellationToken cancellationToken)
    {
        var items = new List<object?>();
        await foreach (var item in ((IAsyncEnumerable<T>)stream).WithCancellation(cancellationToken))
        {
            items.Add(item);
        }

        return items;
    }
}
