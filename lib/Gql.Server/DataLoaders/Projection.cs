using System.Linq.Expressions;

namespace Gql.Server.DataLoaders;

/// <summary>
/// The members of <typeparamref name="T"/> a DataLoader branch loads: a <c>[DataLoader]</c> method that takes a
/// <c>Projection&lt;T&gt;</c> applies <see cref="Selector"/> to its query, so a batch reads only the columns the
/// request's selection needs. Resolvers pick the branch with Gql.Data's <c>Select(context)</c>; a load without one
/// gets <see cref="All"/>, the whole entity.
/// </summary>
public sealed class Projection<T>(Expression<Func<T, T>>? selector)
{
    /// <summary>Every member: the query is left as it is.</summary>
    public static Projection<T> All { get; } = new(null);

    /// <summary><c>x =&gt; new T { A = x.A, ... }</c>, or null for the whole entity.</summary>
    public Expression<Func<T, T>>? Selector { get; } = selector;
}
