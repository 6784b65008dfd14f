using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Duban.Web.Features.SignIn;

public sealed class PasswordModel(UserManager<Data.Account> users, SignInManager<Data.Account> signIn, IStringLocalizer<SharedResource> l) : PageModel
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(string? current, string? @new)
    {
        var account = await users.GetUserAsync(User);
        if (account is null)
        {
            return Challenge();
        }

        if (string.IsNullOrEmpty(current) || string.IsNullOrEmpty(@new))
        {
            ModelState.AddModelError(string.Empty, l["Validation.Required"]);
            return Page();
        }

        var result = await users.ChangePasswordAsync(account, current, @new);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError(string.Empty, error.Description);
            }

            return Page();
        }

        await signIn.RefreshSignInAsync(account);
        TempData["Flash"] = l["Password.Changed"].Value;
        return RedirectToPage("/Index");
    }
}
