using System.Text.Json;
using System.Text.Json.Serialization;

namespace Duban.Web.Infrastructure;

/// <summary>
/// Enums in API bodies by their names only. The framework's string converter also takes numbers ("99", an undefined
/// kind that later fails a switch) and comma lists ("Meeting,Speech", read as the two values or-ed together, which may
/// be a third kind or none): both are refused here, with the field's path, as any unreadable value is.
/// Names are matched ignoring case and written as declared, as before.
/// </summary>
public sealed class StrictEnumConverter : JsonConverterFactory
{
    private readonly JsonStringEnumConverter inner = new(namingPolicy: null, allowIntegerValues: false);

    /// <summary>The contract names each enum's values, as it did with the framework's converter, which it can no longer see.</summary>
    public static Task DescribeAsync(Microsoft.OpenApi.OpenApiSchema schema, Microsoft.AspNetCore.OpenApi.OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(context);
        var nullable = Nullable.GetUnderlyingType(context.JsonTypeInfo.Type);
        var type = nullable ?? context.JsonTypeInfo.Type;
        if (type.IsEnum)
        {
            schema.Enum = Enum.GetNames(type).Select(n => (System.Text.Json.Nodes.JsonNode?)System.Text.Json.Nodes.JsonValue.Create(n)).ToList()!;
            if (nullable is not null)
            {
                schema.Enum.Add(null!);
            }
        }

        return Task.CompletedTask;
    }

    /// <summary>Whether the text is one of the enum's names (ignoring case): not a number, not a comma list.</summary>
    public static bool IsName(Type enumType, string text) => Enum.GetNames(enumType).Contains(text, StringComparer.OrdinalIgnoreCase);

    /// <summary>An enum from a form or query value by its name only.</summary>
    public static bool TryParseName<T>(string? text, out T value)
        where T : struct, Enum
    {
        value = default;
        return text is not null && IsName(typeof(T), text) && Enum.TryParse(text, ignoreCase: true, out value);
    }

    public override bool CanConvert(Type typeToConvert) => typeToConvert.IsEnum;

    public override JsonConverter? CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (JsonConverter?)Activator.CreateInstance(typeof(Strict<>).MakeGenericType(typeToConvert), inner.CreateConverter(typeToConvert, options));

    private sealed class Strict<T>(JsonConverter? names) : JsonConverter<T>
        where T : struct, Enum
    {
        private readonly JsonConverter<T> names = (JsonConverter<T>)names!;

        public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType != JsonTokenType.String || reader.GetString() is not { } text || !IsName(typeof(T), text))
            {
                throw new JsonException();
            }

            return names.Read(ref reader, typeToConvert, options);
        }

        public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) => names.Write(writer, value, options);
    }
}
