using System.Linq.Expressions;
using Hospital.Data.Domain;
using Microsoft.EntityFrameworkCore;

namespace Hospital.GraphQL.Errors;

internal static class NotFound
{
    /// <summary>The one row the predicate names, or <see cref="NotFoundException"/> (a mutation's NotFoundError).</summary>
    public static async Task<T> SingleOrNotFoundAsync<T>(this IQueryable<T> query, Expression<Func<T, bool>> predicate, string entity, object id, CancellationToken cancellationToken) =>
        await query.FirstOrDefaultAsync(predicate, cancellationToken) ?? throw new NotFoundException(entity, id);
}
