using System.Globalization;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.Localization;

namespace Duban.Web;

/// <summary>Marker for the shared resources: Resources/SharedResource.resx (zh-CN) and SharedResource.en.resx.</summary>
#pragma warning disable CA1052 // A marker type for IStringLocalizer<T>; it must be instantiable as a type argument.
public sealed class SharedResource
#pragma warning restore CA1052
{
}

public static class Cultures
{
    public const string Chinese = "zh-CN";
    public const string English = "en";
    public static readonly CultureInfo[] Supported = [new(Chinese), new(English)];

    public static RequestLocalizationOptions Options()
    {
        var options = new RequestLocalizationOptions
        {
            DefaultRequestCulture = new RequestCulture(Chinese),
            SupportedCultures = Supported,
            SupportedUICultures = Supported,
            FallBackToParentCultures = true,
            FallBackToParentUICultures = true,
        };

        // Screens speak Chinese unless a person switches; a browser's Accept-Language is honoured
        // only by the API, whose clients ask for their language that way.
        options.RequestCultureProviders =
        [
            new QueryStringRequestCultureProvider(),
            new CookieRequestCultureProvider(),
            new ApiAcceptLanguageProvider(),
        ];
        return options;
    }

    private sealed class ApiAcceptLanguageProvider : RequestCultureProvider
    {
        private readonly AcceptLanguageHeaderRequestCultureProvider inner = new();

        public override Task<ProviderCultureResult?> DetermineProviderCultureResult(HttpContext httpContext) =>
            httpContext.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase)
                ? inner.DetermineProviderCultureResult(httpContext)
                : NullProviderCultureResult;
    }
}

public static class LocalizerExtensions
{
    /// <summary>The localized text of an enum value, from the resource key "EnumType.Value".</summary>
    public static string Of<TEnum>(this IStringLocalizer localizer, TEnum value)
        where TEnum : struct, Enum
    {
        ArgumentNullException.ThrowIfNull(localizer);
        return localizer[$"{typeof(TEnum).Name}.{value}"];
    }
}
