using Hospital.Data.Entities;
using Hospital.GraphQL.Staff;

namespace Hospital.GraphQL.Accounts;

/// <summary>A signed-in account as programs see it.</summary>
// An account is only ever shown to its owner (me, or the session signIn just started), which is "own" in the role table.
[GraphQLName("Account")]
[AllowAnonymous]
[GraphQLDescription("A sign-in account: its user name, roles and the staff member it belongs to.")]
public sealed record AccountInfo(
    [property: GraphQLIgnore] int Id,
    string UserName,
    [property: GraphQLDescription("Admin, Doctor, Nurse, Receptionist, Analyst.")] IReadOnlyList<string> Roles,
    [property: GraphQLIgnore] int? StaffMemberId,
    [property: GraphQLDescription("The previous successful sign-in (UTC).")] DateTime? LastSignInAt)
{
    public static AccountInfo From(UserAccount user, IEnumerable<string> roles) =>
        new(user.Id, user.UserName ?? "", roles.Order(StringComparer.Ordinal).ToList(), user.StaffMemberId, user.LastSignInAt);
}

[ObjectType<AccountInfo>]
public static class AccountInfoType
{
    [GraphQLDescription("The staff member this account belongs to.")]
    public static async Task<StaffMember?> GetStaffMemberAsync([Parent] AccountInfo account, StaffMemberByIdDataLoader staff, CancellationToken cancellationToken) =>
        account.StaffMemberId is { } id ? await staff.LoadAsync(id, cancellationToken) : null;
}

/// <summary>The tokens of a session: <c>signIn</c>'s result.</summary>
[GraphQLDescription("A new session: send `accessToken` as `Authorization: Bearer <accessToken>` (or in the WebSocket's connection_init payload as `authorization`); before `expiresAt`, exchange `refreshToken` for new tokens with `refreshAccessToken`.")]
[AllowAnonymous]
public sealed record SignInPayload(
    [property: GraphQLDescription("A JWT for `Authorization: Bearer`, valid until `expiresAt`.")] string AccessToken,
    [property: GraphQLDescription("Single use: `refreshAccessToken` takes it and returns the next one. Keep it secret.")] string RefreshToken,
    [property: GraphQLDescription("When the access token expires (UTC).")] DateTimeOffset ExpiresAt,
    AccountInfo User);

/// <summary>The next tokens of a session: <c>refreshAccessToken</c>'s result.</summary>
[GraphQLDescription("The next tokens of the session; the refresh token sent is used up.")]
[AllowAnonymous]
public sealed record RefreshAccessTokenPayload(
    [property: GraphQLDescription("A JWT for `Authorization: Bearer`, valid until `expiresAt`.")] string AccessToken,
    [property: GraphQLDescription("Single use, like the one it replaces.")] string RefreshToken,
    [property: GraphQLDescription("When the access token expires (UTC).")] DateTimeOffset ExpiresAt,
    AccountInfo User);

/// <summary><c>signOut</c>'s result.</summary>
[AllowAnonymous]
public sealed record SignOutPayload(
    [property: GraphQLDescription("True when the session was found and ended; false when the token was unknown (nothing to end).")] bool SignedOut);
