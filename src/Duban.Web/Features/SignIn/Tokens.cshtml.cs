using Duban.Data;
using Duban.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Duban.Web.Features.SignIn;

/// <summary>A person's own API tokens. The token itself is shown once, when made.</summary>
public sealed class TokensModel(DubanDb db, TimeProvider clock, IStringLocalizer<SharedResource> l) : PageModel
{
    public IReadOnlyList<ApiToken> Tokens { get; private set; } = [];

    public string? NewToken { get; private set; }

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostCreateAsync(string? name)
    {
        name = name?.Trim();
        if (string.IsNullOrEmpty(name) || name.Length > 100)
        {
            ModelState.AddModelError("Name", string.IsNullOrEmpty(name) ? l["Validation.Required"] : l["Validation.MaxLength", 100]);
            await LoadAsync();
            return Page();
        }

        var token = ApiTokenAuthentication.NewToken();
        db.ApiTokens.Add(new ApiToken
        {
            AccountId = User.AccountId()!.Value,
            Name = name,
            Prefix = token[..10],
            Hash = ApiTokenAuthentication.HashOf(token),
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        });
        await db.SaveChangesAsync();
        NewToken = token;
        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(int id)
    {
        var accountId = User.AccountId()!.Value;
        var token = await db.ApiTokens.FirstOrDefaultAsync(t => t.Id == id && t.AccountId == accountId);
        if (token is null)
        {
            return NotFound();
        }

        token.RevokedAt ??= clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync();
        return RedirectToPage();
    }

    private async Task LoadAsync()
    {
        var accountId = User.AccountId()!.Value;
        Tokens = await db.ApiTokens.AsNoTracking().Where(t => t.AccountId == accountId).OrderByDescending(t => t.Id).ToListAsync();
    }
}
