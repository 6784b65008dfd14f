using Duban.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Duban.Web.Features.SignIn;

/// <summary>
/// Sign-in with name and password. Every refusal says the same thing, so that the form does not tell
/// an unknown name from a wrong password or a locked account; attempts are limited per client and per
/// name (SecuritySetup). An account with two factors goes on to the code.
/// </summary>
public sealed class LoginModel(SignInManager<Account> signIn, UserManager<Account> users, DubanDb db, TimeProvider clock, IStringLocalizer<SharedResource> l) : PageModel
{
    private static readonly Lazy<string> NobodysHash = new(() => new PasswordHasher<Account>().HashPassword(new Account { DisplayName = string.Empty }, Guid.NewGuid().ToString()));

    [BindProperty]
    public string? UserName { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (string.IsNullOrWhiteSpace(UserName) || string.IsNullOrEmpty(Password))
        {
            ModelState.AddModelError(string.Empty, l["Login.Missing"]);
            return Page();
        }

        var account = await users.FindByNameAsync(UserName.Trim());
        if (account is null)
        {
            // As long as checking a real password takes, so that the answer's timing does not tell either.
            users.PasswordHasher.VerifyHashedPassword(new Account { DisplayName = string.Empty }, NobodysHash.Value, Password);
            return Refused();
        }

        var result = await signIn.PasswordSignInAsync(account, Password, isPersistent: false, lockoutOnFailure: true);
        if (result.RequiresTwoFactor)
        {
            return RedirectToPage("/SignIn/LoginWith2fa", new { ReturnUrl });
        }

        if (!result.Succeeded)
        {
            return Refused();
        }

        return await SignedInAsync(db, clock, account.Id, ReturnUrl, Url);
    }

    private PageResult Refused()
    {
        ModelState.AddModelError(string.Empty, l["Login.Failed"]);
        return Page();
    }

    /// <summary>Notes the sign-in and goes where the person was going.</summary>
    internal static async Task<IActionResult> SignedInAsync(DubanDb db, TimeProvider clock, int accountId, string? returnUrl, IUrlHelper url)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await db.Users.IgnoreQueryFilters().Where(a => a.Id == accountId).ExecuteUpdateAsync(s => s.SetProperty(a => a.LastSignInAt, now));
        return new LocalRedirectResult(url.IsLocalUrl(returnUrl) ? returnUrl! : "/");
    }
}
