/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  query Viewer {\n    me {\n      roles\n      mustChangePassword\n      employee {\n        id\n        nip\n        name\n        positionTitle\n        orgUnit {\n          id\n          name\n          shortName\n        }\n      }\n    }\n  }\n": typeof types.ViewerDocument,
    "\n  mutation Logout {\n    logout\n  }\n": typeof types.LogoutDocument,
    "\n    mutation ChangePassword($currentPassword: String!, $newPassword: String!) {\n      changePassword(currentPassword: $currentPassword, newPassword: $newPassword)\n    }\n  ": typeof types.ChangePasswordDocument,
    "\n    query Sessions {\n      sessions {\n        id\n        createdAt\n        lastSeenAt\n        expiresAt\n        userAgent\n        ipAddress\n        current\n      }\n    }\n  ": typeof types.SessionsDocument,
    "\n    mutation RevokeSession($id: ID!) {\n      revokeSession(id: $id)\n    }\n  ": typeof types.RevokeSessionDocument,
    "\n    mutation Login($nip: String!, $password: String!) {\n      login(nip: $nip, password: $password) {\n        expiresAt\n      }\n    }\n  ": typeof types.LoginDocument,
};
const documents: Documents = {
    "\n  query Viewer {\n    me {\n      roles\n      mustChangePassword\n      employee {\n        id\n        nip\n        name\n        positionTitle\n        orgUnit {\n          id\n          name\n          shortName\n        }\n      }\n    }\n  }\n": types.ViewerDocument,
    "\n  mutation Logout {\n    logout\n  }\n": types.LogoutDocument,
    "\n    mutation ChangePassword($currentPassword: String!, $newPassword: String!) {\n      changePassword(currentPassword: $currentPassword, newPassword: $newPassword)\n    }\n  ": types.ChangePasswordDocument,
    "\n    query Sessions {\n      sessions {\n        id\n        createdAt\n        lastSeenAt\n        expiresAt\n        userAgent\n        ipAddress\n        current\n      }\n    }\n  ": types.SessionsDocument,
    "\n    mutation RevokeSession($id: ID!) {\n      revokeSession(id: $id)\n    }\n  ": types.RevokeSessionDocument,
    "\n    mutation Login($nip: String!, $password: String!) {\n      login(nip: $nip, password: $password) {\n        expiresAt\n      }\n    }\n  ": types.LoginDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Viewer {\n    me {\n      roles\n      mustChangePassword\n      employee {\n        id\n        nip\n        name\n        positionTitle\n        orgUnit {\n          id\n          name\n          shortName\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Viewer {\n    me {\n      roles\n      mustChangePassword\n      employee {\n        id\n        nip\n        name\n        positionTitle\n        orgUnit {\n          id\n          name\n          shortName\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Logout {\n    logout\n  }\n"): (typeof documents)["\n  mutation Logout {\n    logout\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n    mutation ChangePassword($currentPassword: String!, $newPassword: String!) {\n      changePassword(currentPassword: $currentPassword, newPassword: $newPassword)\n    }\n  "): (typeof documents)["\n    mutation ChangePassword($currentPassword: String!, $newPassword: String!) {\n      changePassword(currentPassword: $currentPassword, newPassword: $newPassword)\n    }\n  "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n    query Sessions {\n      sessions {\n        id\n        createdAt\n        lastSeenAt\n        expiresAt\n        userAgent\n        ipAddress\n        current\n      }\n    }\n  "): (typeof documents)["\n    query Sessions {\n      sessions {\n        id\n        createdAt\n        lastSeenAt\n        expiresAt\n        userAgent\n        ipAddress\n        current\n      }\n    }\n  "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n    mutation RevokeSession($id: ID!) {\n      revokeSession(id: $id)\n    }\n  "): (typeof documents)["\n    mutation RevokeSession($id: ID!) {\n      revokeSession(id: $id)\n    }\n  "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n    mutation Login($nip: String!, $password: String!) {\n      login(nip: $nip, password: $password) {\n        expiresAt\n      }\n    }\n  "): (typeof documents)["\n    mutation Login($nip: String!, $password: String!) {\n      login(nip: $nip, password: $password) {\n        expiresAt\n      }\n    }\n  "];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;