using Gql.Data.Projections;
using Gql.Data;
using Gql.Server.Relay;
using Gql.Data.Paging;
using Hospital.Data;
using Hospital.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace Hospital.GraphQL.Wards;

[QueryType]
[Authorize(Roles = [Access.Wards])]
public static class WardQueries
{
    public static IQueryable<Ward> GetWards(HospitalDbContext db) => db.Wards.AsNoTracking().OrderBy(w => w.Floor).ThenBy(w => w.Name);

    public static Task<Ward?> GetWardAsync([ID<Ward>] int id, WardByIdDataLoader wards, CancellationToken cancellationToken) => wards.LoadAsync(id, cancellationToken);

    [UseOffsetPaging(DefaultPageSize = 50, MaxPageSize = 500)]
    [UseFiltering]
    [UseSorting]
    [GraphQLDescription("Beds across wards, e.g. the available beds of one ward: where: { status: { eq: AVAILABLE }, ward: { name: { eq: \"Cardiology Ward\" } } }.")]
    public static IQueryable<Bed> GetBeds(HospitalDbContext db) => db.Beds.AsNoTracking().OrderBy(b => b.WardId).ThenBy(b => b.Label);

    public static Task<Bed?> GetBedAsync([ID<Bed>] int id, BedByIdDataLoader beds, CancellationToken cancellationToken) => beds.LoadAsync(id, cancellationToken);

    [UsePaging(DefaultPageSize = 50, MaxPageSize = 500)]
    [UseProjection]
    [UseFiltering]
    [UseSorting]
    [GraphQLDescription("Admissions, newest first; only current ones (not discharged) unless includeDischarged.")]
    public static IQueryable<Admission> GetAdmissions(HospitalDbContext db, bool includeDischarged = false) =>
        db.Admissions.AsNoTracking().Where(a => includeDischarged || a.DischargedAt == null).OrderByDescending(a => a.AdmittedAt).ThenBy(a => a.Id);

    public static Task<Admission?> GetAdmissionAsync([ID<Admission>] int id, AdmissionByIdDataLoader admissions, CancellationToken cancellationToken) =>
        admissions.LoadAsync(id, cancellationToken);
}
