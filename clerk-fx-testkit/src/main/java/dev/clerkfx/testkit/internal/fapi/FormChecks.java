package dev.clerkfx.testkit.internal.fapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.clerkfx.testkit.internal.server.Errors;
import dev.clerkfx.testkit.internal.server.FapiException;
import dev.clerkfx.testkit.internal.server.Json;
import dev.clerkfx.testkit.internal.state.Store;
import java.util.regex.Pattern;

/**
 * Form-input rules the sign-up and {@code /v1/me} routes share: email and phone formats, identifier
 * uniqueness, password length and JSON-object parameters, each failing with the Clerk error real
 * FAPI answers.
 */
final class FormChecks {
  private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
  private static final Pattern PHONE = Pattern.compile("^\\+[1-9]\\d{6,14}$");
  private static final int MIN_PASSWORD = 8;

  private FormChecks() {}

  /**
   * Fails with 422 {@code form_param_format_invalid} unless the address looks like an email
   * address.
   *
   * @param address the address
   */
  static void requireEmailFormat(String address) {
    if (!EMAIL.matcher(address).matches()) {
      throw Errors.paramFormat("email_address", "email_address must be a valid email address.");
    }
  }

  /**
   * Fails with 422 {@code form_param_format_invalid} unless the (normalized) number is E.164.
   *
   * @param number the number, after {@link Store#normalizePhone}
   */
  static void requirePhoneFormat(String number) {
    if (!PHONE.matcher(number).matches()) {
      throw Errors.paramFormat(
          "phone_number", "phone_number must be a valid phone number in E.164 format.");
    }
  }

  /**
   * Fails with 422 {@code form_identifier_exists} when a user already has the identifier.
   *
   * @param store the state
   * @param identifier the email address, phone number or username
   * @param param the form param it came in ({@code email_address}, {@code phone_number}, {@code
   *     username})
   */
  static void requireFree(Store store, String identifier, String param) {
    if (store.userByIdentifier(identifier).isPresent()) {
      throw identifierTaken(param);
    }
  }

  /**
   * 422 {@code form_identifier_exists}: "That email address is taken. Please try another."
   *
   * @param param the form param ({@code email_address}, {@code phone_number}, {@code username})
   * @return the error
   */
  static FapiException identifierTaken(String param) {
    String message = "That " + param.replace('_', ' ') + " is taken. Please try another.";
    return new FapiException(422, "form_identifier_exists", message, message).param(param);
  }

  /**
   * Fails with 422 {@code form_password_length_too_short} for a password under 8 characters.
   *
   * @param password the password
   * @param param the form param it came in
   */
  static void requirePasswordLength(String password, String param) {
    if (password.length() < MIN_PASSWORD) {
      throw new FapiException(
              422,
              "form_password_length_too_short",
              "Passwords must be 8 characters or more.",
              "Passwords must be 8 characters or more.")
          .param(param);
    }
  }

  /**
   * Parses a parameter that must hold a JSON object; fails with 422 {@code
   * form_param_format_invalid} otherwise.
   *
   * @param raw the parameter's value
   * @param param the param name
   * @return the object
   */
  static ObjectNode jsonObject(String raw, String param) {
    JsonNode node;
    try {
      node = Json.parse(raw);
    } catch (IllegalArgumentException e) {
      throw Errors.paramFormat(param, param + " must be a JSON object.");
    }
    if (!node.isObject()) {
      throw Errors.paramFormat(param, param + " must be a JSON object.");
    }
    return (ObjectNode) node;
  }
}
