using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Hospital.Web.Tests.Browser;

/// <summary>Signing in and out of the UI with the cookie, and what each role sees.</summary>
public sealed class SignInTests(HospitalWebApp app)
{
    [Fact]
    public async Task ChangePassword_SaysWhatIsWrong_AndChangesNothing()
    {
        await using var ui = await UiSession.StartAsync(app, userName: "nurse");
        await ui.GotoAsync("account/password");

        // Act: a wrong current password, then a new one the server's policy refuses (the form itself checks the length).
        await FillAsync(ui.Page, "not the password", "another long passphrase");
        await Expect(ui.Page.GetByRole(AriaRole.Alert)).ToContainTextAsync("The current password is not right.");
        await FillAsync(ui.Page, HospitalWebApp.DemoPassword, "the nurse on ward seven");
        await Expect(ui.Page.GetByRole(AriaRole.Alert)).ToContainTextAsync("The password must not contain the user name.");
        await ui.ScreenshotAsync("change-password-refused");

        // Assert: the old password still works.
        Assert.False(string.IsNullOrEmpty(await app.AccessTokenAsync("nurse")));
        Assert.Empty(ui.Errors);

        static async Task FillAsync(IPage page, string current, string next)
        {
            await page.GetByLabel("Current password").FillAsync(current);
            await page.GetByLabel("New password", new() { Exact = true }).FillAsync(next);
            await page.GetByLabel("New password again").FillAsync(next);
            await page.GetByRole(AriaRole.Button, new() { Name = "Change password" }).ClickAsync();
        }
    }

    [Fact]
    public async Task SignedOut_AnyPage_GoesToSignIn_AndBackToThePageAfterSigningIn()
    {
        await using var ui = await UiSession.StartAsync(app, userName: null);

        await ui.GotoAsync("wards");
        await Expect(ui.Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/signin\\?ReturnUrl=%2Fwards"));
        await Expect(ui.Page.GetByRole(AriaRole.Heading, new() { Name = "Sign in" })).ToBeVisibleAsync();
        await ui.AssertAccessibleAsync("sign-in");
        await ui.ScreenshotAsync("signin");
        await UiSession.SignInOnPageAsync(ui.Page, "nurse", HospitalWebApp.DemoPassword);

        await Expect(ui.Page).ToHaveURLAsync(new Uri(app.BaseAddress, "wards").ToString());
        await Expect(ui.Page.GetByRole(AriaRole.Heading, new() { Name = "Bed board", Level = 1 })).ToBeVisibleAsync();
        await Expect(ui.Page.Locator(".user-menu-role")).ToHaveTextAsync("Nurse");
        Assert.Empty(ui.Errors);
    }

    [Fact]
    public async Task WrongPassword_SaysSo_AndStaysOnTheSignInPage()
    {
        await using var ui = await UiSession.StartAsync(app, userName: null);
        await ui.GotoAsync("signin");

        await UiSession.SignInOnPageAsync(ui.Page, "reception", "not the password at all");

        await Expect(ui.Page.GetByRole(AriaRole.Alert)).ToContainTextAsync("The user name or password is not right.");
        Assert.Contains("/signin", ui.Page.Url, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EmptyForm_ShowsWhatIsMissing()
    {
        await using var ui = await UiSession.StartAsync(app, userName: null);
        await ui.GotoAsync("signin");

        await ui.Page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        await Expect(ui.Page.GetByText("Enter your user name.")).ToBeVisibleAsync();
        await Expect(ui.Page.GetByText("Enter your password.")).ToBeVisibleAsync();
    }

    [Theory]
    [InlineData("admin", "Admin", true)]
    [InlineData("doctor", "Doctor", false)]
    [InlineData("nurse", "Nurse", false)]
    [InlineData("reception", "Receptionist", false)]
    public async Task EachRole_SeesItsNameRoleAndNavigation(string userName, string role, bool seesIde)
    {
        await using var ui = await UiSession.StartAsync(app, userName: userName);

        await ui.GotoAsync("");

        await Expect(ui.Page.Locator(".user-menu-role")).ToHaveTextAsync(role);
        var nav = ui.Page.GetByRole(AriaRole.Navigation, new() { Name = "Main" });
        await Expect(nav.GetByText("Patients")).ToBeVisibleAsync();
        await Expect(nav.GetByText("GraphQL IDE")).ToHaveCountAsync(seesIde ? 1 : 0);
    }

    [Fact]
    public async Task SignOut_EndsAccess_AndThePagesAskForSignInAgain()
    {
        await using var ui = await UiSession.StartAsync(app, userName: null);
        await ui.GotoAsync("signin");
        await UiSession.SignInOnPageAsync(ui.Page, "admin", HospitalWebApp.DemoPassword);
        await Expect(ui.Page.Locator(".user-menu-role")).ToHaveTextAsync("Admin");

        // The prerendered menu is replaced when the circuit takes the page over: open the interactive one.
        await ui.WaitUntilInteractiveAsync();
        await ui.Page.Locator(".user-menu").ClickAsync();
        await ui.Page.GetByText("Sign out").ClickAsync();
        await ui.Page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();

        await Expect(ui.Page.GetByText("You are signed out.")).ToBeVisibleAsync();
        await ui.GotoAsync("patients");
        await Expect(ui.Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/signin\\?ReturnUrl=%2Fpatients"));
    }

    [Fact]
    public async Task OnAPhone_TheSignInFormFitsTheScreen()
    {
        await using var ui = await UiSession.StartAsync(app, 390, 844, userName: null);

        await ui.GotoAsync("signin");

        var box = await ui.Page.GetByLabel("User name").BoundingBoxAsync();
        Assert.NotNull(box);
        Assert.True(box.X >= 0 && box.X + box.Width <= 390, $"the field spans {box.X}..{box.X + box.Width}");
        Assert.True(box.Height >= 40, $"the field is {box.Height}px high");
        await ui.ScreenshotAsync("signin-phone");
    }
}
