using Gql.Language.Ast;
using Gql.Server.DataLoaders;
using Gql.Server.Execution;

namespace Gql.Data.Projections;

/// <summary>
/// DataLoaders that read only what the selection needs: <c>loader.Select(context).LoadAsync(key)</c> loads through a
/// branch of the loader for the members the field's selection reads (plus keys and what computed fields require),
/// which its <c>[DataLoader]</c> method receives as a <see cref="Projection{T}"/>. Fields that select the same members
/// share a branch, so a list of parents still costs one query per level.
/// </summary>
public static class ProjectedDataLoaders
{
    private const string MembersKey = "gql.projection.members";

    public static DataLoaderBase<TKey, TValue[]> Select<TKey, TValue>(this GroupedDataLoader<TKey, TValue> loader, IResolverContext context)
        where TKey : notnull =>
        loader.Branch(MembersOf<TValue>(context), static key => new Projection<TValue>(Projector.Build<TValue>(key)));

    public static DataLoaderBase<TKey, TValue?> Select<TKey, TValue>(this BatchDataLoader<TKey, TValue> loader, IResolverContext context)
        where TKey : notnull =>
        loader.Branch(MembersOf<TValue>(context), static key => new Projection<TValue>(Projector.Build<TValue>(key)));

    /// <summary>
    /// The members key of the field's selection. A relation resolves once per parent, all with the same field nodes:
    /// the request works the key out once per field node (variables in @skip/@include can change it between requests).
    /// </summary>
    private static string MembersOf<T>(IResolverContext context)
    {
        if (context.RequestData.TryGetValue(MembersKey, out var cached) && cached is Dictionary<(FieldNode, Type), string> keys)
        {
            if (keys.TryGetValue((context.FieldNodes[0], typeof(T)), out var known))
            {
                return known;
            }
        }
        else
        {
            keys = [];
            context.RequestData[MembersKey] = keys;
        }

        var key = Projector.Key(Projector.SelectedMembers<T>(context));
        keys[(context.FieldNodes[0], typeof(T))] = key;
        return key;
    }
}
