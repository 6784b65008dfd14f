using Duban.Domain.Access;
using Duban.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Duban.Web.Features.Settings;

public static class SettingsApi
{
    public static void MapSettingsApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var group = api.MapGroup("/settings").WithTags("Settings");

        group.MapGet("/rules", async Task<Ok<RulesInput>> (SaveRules rules, CancellationToken ct) =>
            TypedResults.Ok(RulesInput.From(await rules.GetAsync(ct))))
            .Requires(Permission.Read);

        group.MapPut("/rules", async Task<Results<Ok<RulesInput>, ValidationProblem, NotFound>> (RulesInput input, SaveRules rules, CancellationToken ct) =>
            (await rules.RunAsync(input, ct)).ToOk(RulesInput.From))
            .Requires(Permission.ManageRules);

        // The region's group robot: set or cleared by the administrator, and only ever shown back masked.
        group.MapGet("/system", async Task<Ok<SystemSettingsDto>> (SaveSystemSettings settings, CancellationToken ct) =>
            TypedResults.Ok(await settings.GetAsync(ct)))
            .Requires(Permission.ManageSystem);

        group.MapPut("/system", async Task<Results<Ok<SystemSettingsDto>, ValidationProblem, NotFound>> (SystemSettingsInput input, SaveSystemSettings settings, CancellationToken ct) =>
            (await settings.RunAsync(input, ct)).ToOk(s => s))
            .Requires(Permission.ManageSystem);
    }
}
