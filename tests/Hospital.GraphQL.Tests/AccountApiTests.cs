using System.Net;
using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Security.Claims;
using System.Text;
using System.Text.Json.Nodes;
using Hospital.Data.Entities;
using Hospital.GraphQL.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Hospital.GraphQL.Tests;

/// <summary>Sign-in for programs: <c>signIn</c>, <c>refreshAccessToken</c>, <c>signOut</c>, <c>me</c>, bearer tokens on HTTP and WebSocket.</summary>
public abstract class AccountApiTests(HospitalApi api)
{
    private const string SignIn = """
        mutation($u: String!, $p: String!) {
          signIn(input: { userName: $u, password: $p }) {
            accessToken refreshToken expiresAt
            user { userName roles }
            errors { __typename ... on Error { message } ... on AccountLockedError { lockedUntil code } ... on InvalidCredentialsError { code } ... on TooManySignInAttemptsError { retryAfterSeconds code } }
          }
        }
        """;

    private const string Refresh = "mutation($t: String!) { refreshAccessToken(input: { refreshToken: $t }) { accessToken refreshToken errors { __typename ... on InvalidRefreshTokenError { code message } } } }";
    private const string Me = "{ me { userName roles } }";

    private HospitalApi Api
    {
        get
        {
            Assert.SkipWhen(api.SkipReason is not null, api.SkipReason ?? "");
            return api;
        }
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task SignIn_DemoAccount_ReturnsTokensForItsRoleAndStaffMember()
    {
        var before = DateTimeOffset.UtcNow;

        var result = (await Api.PostAsync(SignIn, new { u = "doctor", p = HospitalApi.DemoPassword }))["data"]!["signIn"]!;

        Assert.Null(result["errors"]);
        Assert.Equal("doctor", (string)result["user"]!["userName"]!);
        Assert.Equal(["Doctor"], result["user"]!["roles"]!.AsArray().Select(r => (string)r!));
        var expires = DateTimeOffset.Parse((string)result["expiresAt"]!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(expires, before.AddMinutes(14), before.AddMinutes(16));
        var token = new JsonWebToken((string)result["accessToken"]!);
        Assert.Equal("HS256", token.Alg);
        Assert.Equal(["Doctor"], token.Claims.Where(c => c.Type == "role").Select(c => c.Value));
        Assert.True(((string)result["refreshToken"]!).Length >= 40);

        // The staff member is staff data: the new token reads it.
        var me = await Api.PostWithTokenAsync((string)result["accessToken"]!, "{ me { staffMember { __typename fullName } } }");
        Assert.Equal("Doctor", (string)me["data"]!["me"]!["staffMember"]!["__typename"]!);
    }

    [Fact]
    public async Task Me_WithTheAccessToken_IsTheAccount_AndWithoutIsNull()
    {
        var signedIn = await Api.PostWithTokenAsync(await Api.AccessTokenAsync("reception"), Me);
        var anonymous = await Api.PostWithTokenAsync(null, Me);

        Assert.Equal("reception", (string)signedIn["data"]!["me"]!["userName"]!);
        Assert.Equal(["Receptionist"], signedIn["data"]!["me"]!["roles"]!.AsArray().Select(r => (string)r!));
        Assert.Null(anonymous["data"]!["me"]);
    }

    [Theory]
    [InlineData("doctor", "wrong password 123")]
    [InlineData("nobody-by-this-name", "Test!Pass1")]
    public async Task SignIn_WrongPasswordOrUnknownUser_IsTheSameInvalidCredentialsError(string userName, string password)
    {
        var result = (await Api.PostAsync(SignIn, new { u = userName, p = password }))["data"]!["signIn"]!;

        Assert.Null(result["accessToken"]);
        var error = result["errors"]![0]!;
        Assert.Equal("InvalidCredentialsError", (string)error["__typename"]!);
        Assert.Equal("INVALID_CREDENTIALS", (string)error["code"]!);
        Assert.Equal("The user name or password is not right.", (string)error["message"]!);
    }

    [Fact]
    public async Task FiveWrongPasswords_LockTheAccountForFifteenMinutes_EvenForTheRightPassword()
    {
        var (userName, password) = await NewAccountAsync(Roles.Nurse);
        for (var i = 0; i < 5; i++)
        {
            await Api.PostAsync(SignIn, new { u = userName, p = "not the password " + i });
        }

        var result = (await Api.PostAsync(SignIn, new { u = userName, p = password }))["data"]!["signIn"]!;

        var error = result["errors"]![0]!;
        Assert.Equal("AccountLockedError", (string)error["__typename"]!);
        Assert.Equal("ACCOUNT_LOCKED", (string)error["code"]!);
        var until = DateTime.Parse((string)error["lockedUntil"]!, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AdjustToUniversal);
        Assert.InRange(until, DateTime.UtcNow.AddMinutes(14), DateTime.UtcNow.AddMinutes(16));
        Assert.Null(result["accessToken"]);
    }

    [Fact]
    public async Task SignInAttempts_BeyondTheLimitPerUserName_Are429WithRetryAfter()
    {
        var userName = "throttled-" + Guid.NewGuid().ToString("N")[..8];
        for (var i = 0; i < 10; i++)
        {
            await Api.PostAsync(SignIn, new { u = userName, p = "whatever it is" });
        }

        using var response = await Api.Client.PostAsJsonAsync("/graphql", new { query = SignIn, variables = new { u = userName, p = "whatever it is" } }, Ct);
        var json = JsonNode.Parse(await response.Content.ReadAsStringAsync(Ct))!;

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.True(response.Headers.RetryAfter?.Delta > TimeSpan.Zero, response.Headers.ToString());
        var error = json["data"]!["signIn"]!["errors"]![0]!;
        Assert.Equal("TooManySignInAttemptsError", (string)error["__typename"]!);
        Assert.Equal("TOO_MANY_ATTEMPTS", (string)error["code"]!);
        Assert.InRange((int)error["retryAfterSeconds"]!, 1, 60);
    }

    [Fact]
    public async Task RefreshAccessToken_Rotates_AndReusingAUsedTokenEndsTheWholeSession()
    {
        var first = (await Api.PostAsync(SignIn, new { u = "nurse", p = HospitalApi.DemoPassword }))["data"]!["signIn"]!;
        var refreshed = (await Api.PostAsync(Refresh, new { t = (string)first["refreshToken"]! }))["data"]!["refreshAccessToken"]!;
        Assert.Null(refreshed["errors"]);
        var newAccess = (string)refreshed["accessToken"]!;
        Assert.Equal("nurse", (string)(await Api.PostWithTokenAsync(newAccess, Me))["data"]!["me"]!["userName"]!);

        // Someone replays the used token: refused, and the session it belongs to ends.
        var replay = (await Api.PostAsync(Refresh, new { t = (string)first["refreshToken"]! }))["data"]!["refreshAccessToken"]!;
        var next = (await Api.PostAsync(Refresh, new { t = (string)refreshed["refreshToken"]! }))["data"]!["refreshAccessToken"]!;

        Assert.Equal("INVALID_REFRESH_TOKEN", (string)replay["errors"]![0]!["code"]!);
        Assert.Equal("InvalidRefreshTokenError", (string)next["errors"]![0]!["__typename"]!);
        await AssertInvalidTokenAsync(newAccess);
    }

    [Fact]
    public async Task SignOut_EndsTheSession_ItsAccessAndRefreshTokensStopWorking()
    {
        var session = (await Api.PostAsync(SignIn, new { u = "admin", p = HospitalApi.DemoPassword }))["data"]!["signIn"]!;
        var access = (string)session["accessToken"]!;
        Assert.NotNull((await Api.PostWithTokenAsync(access, Me))["data"]!["me"]);

        var signOut = await Api.PostAsync("mutation($t: String!) { signOut(input: { refreshToken: $t }) { signedOut } }", new { t = (string)session["refreshToken"]! });

        Assert.True((bool)signOut["data"]!["signOut"]!["signedOut"]!);
        await AssertInvalidTokenAsync(access);
        Assert.Equal("InvalidRefreshTokenError", (string)(await Api.PostAsync(Refresh, new { t = (string)session["refreshToken"]! }))["data"]!["refreshAccessToken"]!["errors"]![0]!["__typename"]!);
    }

    public static TheoryData<string> ForgedTokens => ["expired", "wrong key", "wrong audience", "wrong issuer", "alg none", "tampered payload", "garbage"];

    [Theory]
    [MemberData(nameof(ForgedTokens))]
    public async Task ForgedOrExpiredTokens_AreRefused401InvalidToken(string kind)
    {
        var good = await Api.AccessTokenAsync("admin");
        var token = kind switch
        {
            "expired" => Forge(DateTime.UtcNow.AddMinutes(-20), HospitalApi.SigningKey, "hospital-api", "hospital"),
            "wrong key" => Forge(DateTime.UtcNow.AddMinutes(10), Convert.ToBase64String(Encoding.UTF8.GetBytes("another-key-of-enough-length-0123456789-xyz")), "hospital-api", "hospital"),
            "wrong audience" => Forge(DateTime.UtcNow.AddMinutes(10), HospitalApi.SigningKey, "someone-else", "hospital"),
            "wrong issuer" => Forge(DateTime.UtcNow.AddMinutes(10), HospitalApi.SigningKey, "hospital-api", "evil"),
            "alg none" => Unsigned(good),
            "tampered payload" => Tampered(good),
            _ => "not.a.token",
        };

        await AssertInvalidTokenAsync(token);
    }

    /// <summary>A token that fails validation is refused with 401 and <c>invalid_token</c>, not run as an anonymous request.</summary>
    private async Task AssertInvalidTokenAsync(string token)
    {
        using var response = await Api.SendWithTokenAsync(token, Me);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync(Ct))!;

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var challenge = Assert.Single(response.Headers.WwwAuthenticate);
        Assert.Equal("Bearer", challenge.Scheme);
        Assert.Contains("error=\"invalid_token\"", challenge.Parameter);
        Assert.Null(body["data"]);
        Assert.Equal(HospitalAuthentication.InvalidTokenCode, (string?)body["errors"]![0]!["extensions"]!["code"]);
    }

    [Fact]
    public async Task WebSocket_TokenInConnectionInit_IsAcknowledged_MissingOrBadIsClosed4403()
    {
        var good = await Api.AccessTokenAsync("doctor");

        Assert.Equal("connection_ack", await ConnectAsync(new JsonObject { ["authorization"] = "Bearer " + good }));
        Assert.Equal("4403", await ConnectAsync(null));
        Assert.Equal("4403", await ConnectAsync(new JsonObject { ["authorization"] = "Bearer " + Tampered(good) }));
        Assert.Equal("4403", await ConnectAsync(new JsonObject { ["authorization"] = "Basic ZG9jdG9yOng=" }));
    }

    [Fact]
    public async Task PasswordPolicy_NeedsTwelveCharacters_AndNotTheUserName()
    {
        await using var scope = Api.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<UserAccount>>();
        var name = "policy" + Guid.NewGuid().ToString("N")[..6];

        var tooShort = await users.CreateAsync(new UserAccount { UserName = name + "a", CreatedAt = DateTime.UtcNow }, "short pass1");
        var containsName = await users.CreateAsync(new UserAccount { UserName = name + "b", CreatedAt = DateTime.UtcNow }, "my " + name + "b password");
        var fine = await users.CreateAsync(new UserAccount { UserName = name + "c", CreatedAt = DateTime.UtcNow }, "correct horse battery");

        Assert.Contains(tooShort.Errors, e => e.Code == "PasswordTooShort");
        Assert.Contains(containsName.Errors, e => e.Code == "PasswordContainsUserName");
        Assert.True(fine.Succeeded, string.Join("; ", fine.Errors.Select(e => e.Description)));
    }

    [Fact]
    public async Task ChangePassword_NeedsTheCurrentOne_AndThePolicy_ThenEndsTheAccountsOtherSessions()
    {
        const string Change = "mutation($c: String!, $n: String!) { changePassword(input: { currentPassword: $c, newPassword: $n }) { account { userName } errors { __typename ... on Error { message } ... on PasswordRejectedError { code problems } ... on WrongPasswordError { code } } } }";
        var (userName, password) = await NewAccountAsync("Nurse");
        var other = (await Api.PostAsync(SignIn, new { u = userName, p = password }))["data"]!["signIn"]!;
        var mine = (await Api.PostAsync(SignIn, new { u = userName, p = password }))["data"]!["signIn"]!;
        var access = (string)mine["accessToken"]!;

        var anonymous = await Api.PostAsync(Change, new { c = password, n = "another long passphrase" });
        var wrong = (await Api.PostWithTokenAsync(access, Change, new { c = "not the password", n = "another long passphrase" }))["data"]!["changePassword"]!;
        var weak = (await Api.PostWithTokenAsync(access, Change, new { c = password, n = "short" }))["data"]!["changePassword"]!;
        var named = (await Api.PostWithTokenAsync(access, Change, new { c = password, n = "my name is " + userName }))["data"]!["changePassword"]!;
        var changed = (await Api.PostWithTokenAsync(access, Change, new { c = password, n = "another long passphrase" }))["data"]!["changePassword"]!;

        Assert.Equal("AUTH_NOT_AUTHENTICATED", (string)anonymous["errors"]![0]!["extensions"]!["code"]!);
        Assert.Equal("WRONG_PASSWORD", (string)wrong["errors"]![0]!["code"]!);
        Assert.Null(wrong["account"]);
        Assert.Equal("PASSWORD_REJECTED", (string)weak["errors"]![0]!["code"]!);
        Assert.Contains("12", (string)weak["errors"]![0]!["problems"]![0]!, StringComparison.Ordinal);
        Assert.Equal("PASSWORD_REJECTED", (string)named["errors"]![0]!["code"]!);
        Assert.Null(changed["errors"]);
        Assert.Equal(userName, (string)changed["account"]!["userName"]!);
        Assert.Equal("InvalidCredentialsError", (string)(await Api.PostAsync(SignIn, new { u = userName, p = password }))["data"]!["signIn"]!["errors"]![0]!["__typename"]!);
        Assert.Null((await Api.PostAsync(SignIn, new { u = userName, p = "another long passphrase" }))["data"]!["signIn"]!["errors"]);
        Assert.NotNull((await Api.PostWithTokenAsync(access, Me))["data"]!["me"]);
        Assert.Equal("InvalidRefreshTokenError", (string)(await Api.PostAsync(Refresh, new { t = (string)other["refreshToken"]! }))["data"]!["refreshAccessToken"]!["errors"]![0]!["__typename"]!);
        Assert.Null((await Api.PostAsync(Refresh, new { t = (string)mine["refreshToken"]! }))["data"]!["refreshAccessToken"]!["errors"]);
    }

    private async Task<(string UserName, string Password)> NewAccountAsync(string role)
    {
        await using var scope = Api.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<UserAccount>>();
        var account = new UserAccount { UserName = "user" + Guid.NewGuid().ToString("N")[..10], CreatedAt = DateTime.UtcNow };
        const string password = "a long enough password";
        var created = await users.CreateAsync(account, password);
        Assert.True(created.Succeeded, string.Join("; ", created.Errors.Select(e => e.Description)));
        Assert.True((await users.AddToRoleAsync(account, role)).Succeeded);
        return (account.UserName, password);
    }

    /// <summary>Opens a graphql-transport-ws socket and returns the first message type, or the close status.</summary>
    private async Task<string> ConnectAsync(JsonObject? payload)
    {
        using var socket = new ClientWebSocket();
        socket.Options.AddSubProtocol("graphql-transport-ws");
        var uri = new UriBuilder(Api.Client.BaseAddress!) { Scheme = "ws", Path = "/graphql" }.Uri;
        await socket.ConnectAsync(uri, Ct);
        var init = new JsonObject { ["type"] = "connection_init" };
        if (payload is not null)
        {
            init["payload"] = payload;
        }

        await socket.SendAsync(Encoding.UTF8.GetBytes(init.ToJsonString()), WebSocketMessageType.Text, true, Ct);
        var buffer = new byte[4096];
        var received = await socket.ReceiveAsync(buffer, Ct);
        if (received.MessageType == WebSocketMessageType.Close)
        {
            return ((int)socket.CloseStatus!).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return (string)JsonNode.Parse(Encoding.UTF8.GetString(buffer, 0, received.Count))!["type"]!;
    }

    private static string Forge(DateTime expires, string base64Key, string audience, string issuer) =>
        new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            NotBefore = expires.AddMinutes(-30),
            IssuedAt = expires.AddMinutes(-30),
            Expires = expires,
            Subject = new ClaimsIdentity([new Claim("sub", "1"), new Claim("name", "admin"), new Claim("role", "Admin")]),
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(Convert.FromBase64String(base64Key)), SecurityAlgorithms.HmacSha256),
        });

    private static string Unsigned(string token)
    {
        var parts = token.Split('.');
        var header = Base64UrlEncoder.Encode("""{"alg":"none","typ":"JWT"}""");
        return $"{header}.{parts[1]}.";
    }

    private static string Tampered(string token)
    {
        var parts = token.Split('.');
        var payload = JsonNode.Parse(Base64UrlEncoder.Decode(parts[1]))!;
        payload["role"] = "Admin";
        payload["name"] = "someone-else";
        return $"{parts[0]}.{Base64UrlEncoder.Encode(payload.ToJsonString())}.{parts[2]}";
    }
}

public sealed class SqliteAccountApiTests(HospitalApi api) : AccountApiTests(api);

public sealed class PostgresAccountApiTests(PostgresHospitalApi api) : AccountApiTests(api);

public sealed class MariaDbAccountApiTests(MariaDbHospitalApi api) : AccountApiTests(api);
