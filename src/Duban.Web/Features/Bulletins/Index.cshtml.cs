using Duban.Data;
using Duban.Domain.Access;
using Duban.Web.Features.Tasks;
using Duban.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Duban.Web.Features.Bulletins;

/// <summary>The bulletins (通报): issued ones for everybody, drafts and composing for the office.</summary>
[Requires(Permission.Read)]
public sealed class IndexModel(DubanDb db, WorkContext work, ComposeBulletin compose) : PageModel
{
    public IReadOnlyList<BulletinRow> Bulletins { get; private set; } = [];
    public bool Office { get; private set; }

    [BindProperty]
    public ComposeInput Compose { get; set; } = new();

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    [Requires(Permission.ComposeBulletins)]
    public async Task<IActionResult> OnPostComposeAsync(CancellationToken ct)
    {
        if (ModelState.IsValid)
        {
            var outcome = await compose.RunAsync((await work.ScopeAsync(ct)).RegionId, Compose, work.ActorName, ct);
            if (outcome.Kind == OutcomeKind.Ok)
            {
                return Redirect($"/Bulletins/{outcome.Value!.Id}");
            }

            outcome.Errors!.CopyTo(ModelState, "Compose.");
        }

        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Office = work.May(Permission.ComposeBulletins);
        Bulletins = await BulletinsApi.ListAsync(db, await work.ScopeAsync(ct), Office, null, ct);
    }
}
